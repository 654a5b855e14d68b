import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { POLL_STATUSES, type PollStatus, type StakeholderGroup } from '@helix/contract';
import type { Types } from 'mongoose';
import type { PollTally } from '../poll-tally';

export interface PollOptionRecord {
  id: string;
  label: string;
}

/** One participant's current choice; the group is the one they had when they chose. */
export interface BallotRecord {
  group: StakeholderGroup;
  optionIds: string[];
  at: Date;
}

/**
 * A poll with its ballots, one per participant (keyed by user id). A ballot and the close change this one
 * document, each with the poll's status in the update's filter, so they cannot interleave: a ballot either
 * reached an open poll and is in what the close freezes, or it reached nothing and is refused.
 */
@Schema({ collection: 'polls', versionKey: false, minimize: false })
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

  @Prop({ type: Object, default: {} })
  ballots!: Record<string, BallotRecord>;

  /** The results at close, counted once from the frozen ballots. */
  @Prop({ type: Object, default: null })
  finalTally!: PollTally | null;

  @Prop({ required: true })
  version!: number;
}

export const PollSchema = SchemaFactory.createForClass(PollRecord);
