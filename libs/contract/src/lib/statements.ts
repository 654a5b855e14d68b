import { z } from 'zod';
import { idSchema, isoDateSchema, stakeholderGroupSchema, textField, clientIdSchema } from './common';
import { MODERATION_REASON_MAX } from './rooms';

/**
 * Statements that bridge groups, as at Pol.is: participants submit short statements, a moderator approves or
 * rejects each (`pending` is seen only by its author and the moderators), and everyone votes on the approved
 * ones one at a time.
 */
export const STATEMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export const STATEMENT_TEXT_MAX = 280;

export const STATEMENT_VOTES = ['agree', 'disagree', 'pass'] as const;
export const statementVoteSchema = z.enum(STATEMENT_VOTES);
export type StatementVote = z.infer<typeof statementVoteSchema>;

export const submitStatementRequestSchema = z.strictObject({
  text: textField(STATEMENT_TEXT_MAX),
  clientId: clientIdSchema,
});
export type SubmitStatementRequest = z.infer<typeof submitStatementRequestSchema>;

export const moderateStatementRequestSchema = z.strictObject({
  status: z.enum(['approved', 'rejected']),
  reason: textField(MODERATION_REASON_MAX).optional(),
});
export type ModerateStatementRequest = z.infer<typeof moderateStatementRequestSchema>;

export const castStatementVoteRequestSchema = z.strictObject({ vote: statementVoteSchema });
export type CastStatementVoteRequest = z.infer<typeof castStatementVoteRequestSchema>;

const voteCountsSchema = z.object({
  agree: z.number().int(),
  disagree: z.number().int(),
  pass: z.number().int(),
});
export type StatementVoteCounts = z.infer<typeof voteCountsSchema>;

export const statementSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  text: z.string(),
  status: z.enum(STATEMENT_STATUSES),
  votes: voteCountsSchema,
  /** The caller's vote (always null in room events). */
  myVote: statementVoteSchema.nullable(),
  /** The caller submitted it (always false in room events). */
  mine: z.boolean(),
  createdAt: isoDateSchema,
});
export type Statement = z.infer<typeof statementSchema>;

/** The statement to vote on next: the least voted one the caller has not voted on, or none left. */
export const nextStatementSchema = z.object({
  statement: statementSchema.nullable(),
  /** Approved statements the caller has not voted on yet, this one included. */
  remaining: z.number().int(),
  voted: z.number().int(),
});
export type NextStatement = z.infer<typeof nextStatementSchema>;

/** A participant's votes count towards opinion groups from this many on (Pol.is: min(7, statements)). */
export const OPINION_MIN_VOTES = 7;

const groupVotesSchema = voteCountsSchema.extend({ seen: z.number().int() });
export type GroupVotes = z.infer<typeof groupVotesSchema>;

export const consensusStatementSchema = z.object({
  id: idSchema,
  text: z.string(),
  /** ∏ over the declared groups that voted in the room of (agree_g + 1) / (seen_g + 2). */
  consensus: z.number(),
  /** Every declared group that voted in the room agrees more often than not. */
  supportedByAll: z.boolean(),
  votes: voteCountsSchema,
  byGroup: z.partialRecord(stakeholderGroupSchema, groupVotesSchema),
});
export type ConsensusStatement = z.infer<typeof consensusStatementSchema>;

export const representativeStatementSchema = z.object({
  id: idSchema,
  text: z.string(),
  /** Whether the group stands out by agreeing or by disagreeing. */
  direction: z.enum(['agree', 'disagree']),
  /** (1 + n) / (2 + seen) within the group, n the agreeing (or disagreeing) members. */
  share: z.number(),
  /** `share` against the same share among everyone outside the group. */
  ratio: z.number(),
});
export type RepresentativeStatement = z.infer<typeof representativeStatementSchema>;

export const opinionGroupSchema = z.object({
  /** 0-based; the projector names them A, B, C… */
  index: z.number().int(),
  size: z.number().int(),
  /** Its members by declared stakeholder group: where the declared groups actually stand. */
  byStakeholderGroup: z.partialRecord(stakeholderGroupSchema, z.number().int()),
  representative: z.array(representativeStatementSchema),
});
export type OpinionGroup = z.infer<typeof opinionGroupSchema>;

/** One participant on the opinion map: no name, only where their votes put them. */
export const opinionPointSchema = z.object({
  x: z.number(),
  y: z.number(),
  group: z.number().int(),
  stakeholderGroup: stakeholderGroupSchema,
});
export type OpinionPoint = z.infer<typeof opinionPointSchema>;

export const statementResultsSchema = z.object({
  roomId: idSchema,
  /** People who voted at least once. */
  participants: z.number().int(),
  votes: z.number().int(),
  /** Approved statements, most bridging first. */
  consensus: z.array(consensusStatementSchema),
  /** Null until enough people voted enough (at least 4 with OPINION_MIN_VOTES votes each). */
  opinion: z
    .object({
      /** Participants with enough votes to be placed. */
      placed: z.number().int(),
      silhouette: z.number(),
      groups: z.array(opinionGroupSchema),
      points: z.array(opinionPointSchema),
    })
    .nullable(),
  /** When these results were computed; they are recomputed at most every few seconds. */
  computedAt: isoDateSchema,
});
export type StatementResults = z.infer<typeof statementResultsSchema>;
