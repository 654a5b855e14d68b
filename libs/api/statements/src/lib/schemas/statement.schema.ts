import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ballotBucketSchema } from '@helix/api/core';
import {
  STATEMENT_STATUSES,
  type StakeholderGroup,
  type StatementStatus,
  type StatementVote,
} from '@helix/contract';
import type { Types } from 'mongoose';

/**
 * One statement of a room. Its `_id` is derived from the author and their `clientId`, so a retried submit
 * finds the stored statement by `_id`. Its votes are in the `statement_ballots` buckets (BallotBox), opened
 * when a moderator approves it and frozen when one rejects it.
 */
@Schema({ collection: 'statements', versionKey: false })
export class StatementRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  roomId!: string;

  @Prop({ required: true })
  text!: string;

  /** Never shown to other participants: statements are voted on for what they say, not who said them. */
  @Prop({ required: true })
  authorId!: string;

  @Prop({ required: true })
  clientId!: string;

  @Prop({ type: String, required: true, enum: STATEMENT_STATUSES })
  status!: StatementStatus;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  version!: number;
}

export const StatementSchema = SchemaFactory.createForClass(StatementRecord);

/** One vote; the group is the voter's declared stakeholder group when they voted. */
export interface StatementBallot {
  vote: StatementVote;
  group: StakeholderGroup;
  at: Date;
}

export const STATEMENT_BALLOTS = 'StatementBallots';
export const StatementBallotsSchema = ballotBucketSchema('statement_ballots');
