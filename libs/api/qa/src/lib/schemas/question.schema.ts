import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { QUESTION_STATUSES, type PublicUser, type QuestionStatus } from '@helix/contract';
import type { Types } from 'mongoose';

/**
 * One audience question. Upvotes are not counted here but in their own documents (see
 * QuestionUpvoteRecord): FerretDB loses concurrent increments of one field.
 */
@Schema({ collection: 'questions', versionKey: false })
export class QuestionRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  roomId!: string;

  @Prop({ required: true })
  text!: string;

  @Prop({ required: true })
  anonymous!: boolean;

  /** Kept even for anonymous questions: moderators answer for what they approve and see who asked. */
  @Prop({ required: true })
  authorId!: string;

  @Prop({ type: Object, required: true })
  author!: PublicUser;

  /** The asker's idempotency key: a retried ask finds the stored question through the unique index. */
  @Prop({ required: true })
  clientId!: string;

  @Prop({ type: String, required: true, enum: QUESTION_STATUSES })
  status!: QuestionStatus;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ type: Date, default: null })
  answeredAt!: Date | null;
}

export const QuestionSchema = SchemaFactory.createForClass(QuestionRecord);
QuestionSchema.index({ authorId: 1, clientId: 1 }, { unique: true });
QuestionSchema.index({ roomId: 1, createdAt: 1 });
