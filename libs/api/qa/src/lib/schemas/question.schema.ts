import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { QUESTION_STATUSES, type PublicUser, type QuestionStatus } from '@helix/contract';
import type { Types } from 'mongoose';

/**
 * One audience question with the people who upvoted it. Its `_id` is derived from the asker and their
 * `clientId`, so a retried ask finds the stored question by `_id`; an upvote is one update of this document.
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

  @Prop({ required: true })
  clientId!: string;

  @Prop({ type: String, required: true, enum: QUESTION_STATUSES })
  status!: QuestionStatus;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ type: Date, default: null })
  answeredAt!: Date | null;

  @Prop({ type: [String], default: [] })
  upvoters!: string[];

  @Prop({ required: true })
  version!: number;
}

export const QuestionSchema = SchemaFactory.createForClass(QuestionRecord);
