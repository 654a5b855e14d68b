import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ballotBucketSchema } from '@helix/api/core';
import {
  POLL_KINDS,
  POLL_RESULTS_VISIBILITIES,
  POLL_STATUSES,
  type PollKind,
  type PollResultsVisibility,
  type PollStatus,
  type StakeholderGroup,
} from '@helix/contract';
import type { Types } from 'mongoose';
import type { PollTally } from '../poll-tally';

export interface PollOptionRecord {
  id: string;
  label: string;
}

/**
 * One participant's current choice; the group is the one they had when they chose. A ranking keeps its
 * options in order in `optionIds`; a word cloud and a rating keep their answers beside them.
 */
export interface BallotRecord {
  group: StakeholderGroup;
  optionIds: string[];
  /** A word cloud's answers, normalised. */
  words?: string[];
  /** A rating's score per option. */
  ratings?: Record<string, number>;
  at: Date;
}

/**
 * A poll. Its ballots, one per participant, are in the `poll_ballots` buckets (BallotBox): the close freezes
 * them, counts them, and stores that count here with the status, so what a closed poll shows never changes.
 */
@Schema({ collection: 'polls', versionKey: false, minimize: false })
export class PollRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  roomId!: string;

  @Prop({ required: true })
  question!: string;

  /** Absent on polls stored before there were other kinds: those are choice polls. */
  @Prop({ type: String, enum: POLL_KINDS, default: 'choice' })
  kind?: PollKind;

  @Prop({ type: [Object], required: true })
  options!: PollOptionRecord[];

  /** A rating's top score (5 or 10); null for other kinds. */
  @Prop({ type: Number, default: null })
  scale?: number | null;

  /** Word-cloud answers a moderator hid: left out of every result shown, even after the close. */
  @Prop({ type: [String], default: [] })
  hiddenWords?: string[];

  @Prop({ required: true })
  multiple!: boolean;

  @Prop({ required: true })
  anonymous!: boolean;

  /** Absent on polls stored before it existed: those show their results always. */
  @Prop({ type: String, enum: POLL_RESULTS_VISIBILITIES, default: 'always' })
  resultsVisibility?: PollResultsVisibility;

  @Prop({ type: String, required: true, enum: POLL_STATUSES })
  status!: PollStatus;

  @Prop({ required: true })
  createdBy!: string;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ type: Date, default: null })
  openedAt!: Date | null;

  /** When the open poll closes by itself (a countdown); null or absent without one. */
  @Prop({ type: Date, default: null })
  closesAt?: Date | null;

  @Prop({ type: Date, default: null })
  closedAt!: Date | null;

  /** The thread the close opened for its result (see PollResultPosts); null or absent without one. */
  @Prop({ type: String, default: null })
  resultThreadId?: string | null;

  /** The results at close, counted once from the frozen ballots. */
  @Prop({ type: Object, default: null })
  finalTally!: PollTally | null;

  @Prop({ required: true })
  version!: number;
}

export const PollSchema = SchemaFactory.createForClass(PollRecord);

export const POLL_BALLOTS = 'PollBallots';
export const PollBallotsSchema = ballotBucketSchema('poll_ballots');

/** A poll with its ballots together, as the read model holds it. */
export type PollWithBallots = PollRecord & { ballots: Record<string, BallotRecord> };
