import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { POLL_STATUSES, type PollStatus } from '@helix/contract';
import type { Types } from 'mongoose';
import type { PollTally } from '../poll-tally';

export interface PollOptionRecord {
  id: string;
  label: string;
}

@Schema({ collection: 'polls', versionKey: false })
export class PollRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  roomId!: string;

  @Prop({ required: true })
  question!: string;

  @Prop({ type: [Object], required: true })
  options!: PollOptionRecord[];

  @Prop({ required: true })
  multiple!: boolean;

  @Prop({ required: true })
  anonymous!: boolean;

  @Prop({ type: String, required: true, enum: POLL_STATUSES })
  status!: PollStatus;

  @Prop({ required: true })
  createdBy!: string;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ type: Date, default: null })
  openedAt!: Date | null;

  @Prop({ type: Date, default: null })
  closedAt!: Date | null;

  /** Counted once when the poll closes, so a vote racing the close cannot change published results. */
  @Prop({ type: Object, default: null })
  finalTally!: PollTally | null;
}

export const PollSchema = SchemaFactory.createForClass(PollRecord);
PollSchema.index({ roomId: 1, createdAt: -1 });
