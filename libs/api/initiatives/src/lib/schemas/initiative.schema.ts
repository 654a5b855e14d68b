import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ballotBucketSchema } from '@helix/api/core';
import type { ConsensusResult, ConsensusRule } from '@helix/consensus';
import {
  INITIATIVE_STATUSES,
  type AmendmentStatus,
  type InitiativeStatus,
  type Partner,
  type Pledge,
  type PledgeStatus,
  type PartnerStatus,
  type PublicUser,
  type StakeholderGroup,
  type VotePosition,
} from '@helix/contract';
import type { Types } from 'mongoose';

export interface InitiativeSource {
  roomId: string;
  threadId: string;
  messageId: string;
}

/** A partner organisation and its answer to the invitation (see PARTNER_STATUSES). */
export interface PartnerRecord {
  organization: string;
  stakeholderGroup: StakeholderGroup;
  status: PartnerStatus;
  respondedBy: PublicUser | null;
  respondedAt: Date | null;
}

/** A participant's vote; the group is the one they had when they voted. */
export interface InitiativeVote {
  user: PublicUser;
  group: StakeholderGroup;
  position: VotePosition;
  reason: string | null;
  /** What would have to change for the voter to consent; absent from votes cast before it was asked. */
  wouldChange?: string | null;
  /** The initiative's version the vote was cast on (absent: 1). */
  revision?: number;
  at: Date;
}

/** The text an amendment replaces or proposes. */
export interface InitiativeText {
  title: string;
  summary: string;
  partners: Partner[];
}

/**
 * A proposed change of the text answering named objections. Amendments live in their initiative's document,
 * like partners: a few per initiative, rarely written, and accepting one must replace the text, bump the
 * version and mark the amendment in one guarded update (docs/adr/0002-amendments.md).
 */
export interface AmendmentRecord {
  id: string;
  proposer: PublicUser;
  status: AmendmentStatus;
  /** Only the fields it changes; null keeps the initiative's. */
  title: string | null;
  summary: string | null;
  partners: Partner[] | null;
  answers: Array<{ user: PublicUser; position: 'disagree' | 'block'; wouldChange: string }>;
  rationale: string;
  createdAt: Date;
  answeredAt: Date | null;
  answerReason: string | null;
  /** The version accepting it made. */
  revision: number | null;
  /** The text it replaced, kept once accepted: its diff and the initiative's history. */
  previous: InitiativeText | null;
}

/**
 * What a confirmed partner commits after adoption, with its progress updates. Pledges live in their
 * initiative's document like amendments: a few per partner, written by hand, read with the initiative.
 */
export interface PledgeRecord {
  id: string;
  organization: string;
  stakeholderGroup: StakeholderGroup;
  kind: Pledge['kind'];
  description: string;
  amount: string | null;
  owner: string;
  dueDate: Date;
  status: PledgeStatus;
  percent: number;
  updates: Array<{ percent: number; note: string; status: PledgeStatus; by: PublicUser; at: Date }>;
  createdBy: PublicUser;
  createdAt: Date;
}

/**
 * An initiative. Its votes (the current one per participant, and every vote ever cast) are in the
 * `initiative_votes` buckets (BallotBox): the close freezes them, evaluates them, and stores that verdict
 * here with the status, so what is closed is what was acknowledged.
 */
@Schema({ collection: 'initiatives', versionKey: false, minimize: false })
export class InitiativeRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  title!: string;

  @Prop({ required: true })
  summary!: string;

  @Prop({ type: String, default: null })
  roomId!: string | null;

  /** Absent from initiatives stored before forums: those belong to their room's forum, or the first forum. */
  @Prop({ type: String })
  forumId?: string;

  @Prop({ type: Object, required: true })
  proposer!: PublicUser;

  /** The proposer's own organisation first, confirmed by proposing; then the invited ones. */
  @Prop({ type: [Object], required: true })
  partners!: PartnerRecord[];

  @Prop({ type: String, required: true, enum: INITIATIVE_STATUSES })
  status!: InitiativeStatus;

  /** Fixed when voting opens; until then the forum's minimum applies, whatever it is by then. */
  @Prop({ type: Object, required: true })
  rule!: ConsensusRule;

  @Prop({ type: Date, default: null })
  closesAt!: Date | null;

  @Prop({ type: Date, default: null })
  openedAt!: Date | null;

  @Prop({ type: Date, default: null })
  closedAt!: Date | null;

  /** Who closed voting: a moderator's id, or `system` for the timer. */
  @Prop({ type: String, default: null })
  closedBy!: string | null;

  /** Who withdrew the draft, and when (absent from documents stored before withdrawing existed: null). */
  @Prop({ type: Object, default: null })
  withdrawnBy?: PublicUser | null;

  @Prop({ type: Date, default: null })
  withdrawnAt?: Date | null;

  /** The tally and verdict at closing, frozen: later reads never recount. */
  @Prop({ type: Object, default: null })
  outcome!: Pick<ConsensusResult, 'reached' | 'conditions' | 'tally'> | null;

  @Prop({ type: Object, default: null })
  source!: InitiativeSource | null;

  @Prop({ required: true })
  createdAt!: Date;

  /** The text's version: 1 as proposed, one more per accepted amendment (absent from older documents: 1). */
  @Prop({ type: Number, default: 1 })
  revision?: number;

  @Prop({ type: [Object], default: [] })
  amendments?: AmendmentRecord[];

  @Prop({ type: [Object], default: [] })
  pledges?: PledgeRecord[];

  @Prop({ required: true })
  version!: number;
}

export const InitiativeSchema = SchemaFactory.createForClass(InitiativeRecord);

export const INITIATIVE_VOTES = 'InitiativeVotes';
export const InitiativeVotesSchema = ballotBucketSchema('initiative_votes');

/** An initiative with its votes together, as the read model holds it. */
export type InitiativeWithVotes = InitiativeRecord & {
  votes: Record<string, InitiativeVote>;
  history: InitiativeVote[];
};
