import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/**
 * One person's upvote of one question; the unique (questionId, userId) index makes it one per person
 * whatever the interleaving, and counts always come from these documents.
 */
@Schema({ collection: 'question_upvotes', versionKey: false })
export class QuestionUpvoteRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  questionId!: string;

  /** Lets a room's list count every question's upvotes in one grouped query. */
  @Prop({ required: true })
  roomId!: string;

  @Prop({ required: true })
  userId!: string;

  @Prop({ required: true })
  createdAt!: Date;
}

export const QuestionUpvoteSchema = SchemaFactory.createForClass(QuestionUpvoteRecord);
QuestionUpvoteSchema.index({ questionId: 1, userId: 1 }, { unique: true });
QuestionUpvoteSchema.index({ roomId: 1 });
