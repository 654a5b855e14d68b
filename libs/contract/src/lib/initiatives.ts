import { z } from 'zod';
import { isModerator, mayModerateRoom, publicUserSchema, type User } from './auth';
import {
  clientIdSchema,
  idSchema,
  isoDateSchema,
  stakeholderGroupSchema,
  textField,
  VISIBLE_CHARACTER,
} from './common';

/** What the board lists and filters by. */
export const LISTED_INITIATIVE_STATUSES = ['draft', 'voting', 'adopted', 'rejected'] as const;
/**
 * A draft its proposer (or whoever moderates it) took back is `withdrawn`: kept, so that its clientId still
 * answers it, the room's log and the moderation log still name it and the proposer's data export still lists
 * it, but listed nowhere and never voted on.
 */
export const INITIATIVE_STATUSES = [...LISTED_INITIATIVE_STATUSES, 'withdrawn'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const VOTE_POSITIONS = ['agree', 'abstain', 'disagree', 'block'] as const;
export type VotePosition = (typeof VOTE_POSITIONS)[number];

export const INITIATIVE_PARTNERS_MAX = 20;
export const REASON_MAX = 1000;

export const partnerSchema = z.strictObject({
  organization: textField(120),
  stakeholderGroup: stakeholderGroupSchema,
});
export type Partner = z.infer<typeof partnerSchema>;

/**
 * A partner is an invitation until someone of that organisation (and stakeholder group) answers it: the
 * proposer's own organisation is confirmed by proposing; any other stays `invited` until a member accepts
 * (`confirmed`) or declines (`declined`). Only confirmed partners are named in the forum's outcome.
 */
export const PARTNER_STATUSES = ['invited', 'confirmed', 'declined'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const initiativePartnerSchema = z.object({
  organization: z.string(),
  stakeholderGroup: stakeholderGroupSchema,
  status: z.enum(PARTNER_STATUSES),
  /** Who accepted or declined for the organisation (the proposer, for their own); null while invited. */
  respondedBy: publicUserSchema.nullable(),
  respondedAt: isoDateSchema.nullable(),
});
export type InitiativePartner = z.infer<typeof initiativePartnerSchema>;

export const consensusRuleSchema = z.strictObject({
  quorum: z.number().int().min(1).max(100_000),
  minGroups: z.number().int().min(1).max(4),
  groupThreshold: z.number().min(0.5).max(1),
  maxBlocks: z.number().int().min(0).max(1000),
});

/**
 * The forum's minimum consensus rule, set by moderators: voting opens with it unless the proposer asks for a
 * stricter one (more votes, more groups, a higher threshold, fewer blocks); a looser one is refused.
 */
export const consensusRuleSettingsSchema = z.object({
  minimum: consensusRuleSchema,
  /** The minimum in words, in the language asked for. */
  minimumText: z.string(),
  updatedAt: isoDateSchema.nullable(),
  updatedBy: publicUserSchema.nullable(),
});
export type ConsensusRuleSettings = z.infer<typeof consensusRuleSettingsSchema>;

export const updateConsensusRuleRequestSchema = consensusRuleSchema
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'give at least one field to change')
  .meta({ minProperties: 1 });
export type UpdateConsensusRuleRequest = z.infer<typeof updateConsensusRuleRequestSchema>;

/** Where a proposal came from: the discussion message it was proposed from. */
export const initiativeSourceSchema = z.strictObject({
  roomId: idSchema,
  threadId: idSchema,
  messageId: idSchema,
});

export const createInitiativeRequestSchema = z.strictObject({
  title: textField(200),
  summary: textField(4000),
  roomId: idSchema.nullish(),
  /** The forum it belongs to: the room's forum, else the live one when left out. */
  forumId: idSchema.optional(),
  partners: z
    .array(partnerSchema)
    .max(INITIATIVE_PARTNERS_MAX - 1)
    .default([]),
  source: initiativeSourceSchema.nullish(),
  /** The proposer's own key for this draft: sending it again answers the stored one (a double click makes one). */
  clientId: clientIdSchema.optional(),
});
export type CreateInitiativeRequest = z.input<typeof createInitiativeRequestSchema>;

export const updateInitiativeRequestSchema = z
  .strictObject({
    title: textField(200).optional(),
    summary: textField(4000).optional(),
    roomId: idSchema.nullish(),
    partners: z
      .array(partnerSchema)
      .max(INITIATIVE_PARTNERS_MAX - 1)
      .optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field to change')
  .meta({ minProperties: 1 });
export type UpdateInitiativeRequest = z.infer<typeof updateInitiativeRequestSchema>;

export const openVotingRequestSchema = z.strictObject({
  closesAt: isoDateSchema.nullish(),
  rule: consensusRuleSchema.partial().optional(),
});
export type OpenVotingRequest = z.infer<typeof openVotingRequestSchema>;

/** An objection must say why and what would have to change for its voter to consent: that is what an amendment answers. */
const OBJECTING: readonly VotePosition[] = ['disagree', 'block'];

export const initiativeVoteRequestSchema = z
  .strictObject({
    position: z.enum(VOTE_POSITIONS),
    reason: z.string().max(REASON_MAX).trim().optional(),
    /** What would have to change in the initiative for this voter to consent (required to disagree or block). */
    wouldChange: z.string().max(REASON_MAX).trim().optional(),
  })
  .refine((vote) => !OBJECTING.includes(vote.position) || !!vote.reason, {
    message: 'a reason is required to disagree or block',
    path: ['reason'],
  })
  .refine((vote) => !OBJECTING.includes(vote.position) || !!vote.wouldChange, {
    message: 'say what would have to change to disagree or block',
    path: ['wouldChange'],
  })
  // The refinements above, in OpenAPI terms.
  .meta({
    anyOf: [
      { properties: { position: { enum: ['agree', 'abstain'] } } },
      {
        required: ['reason', 'wouldChange'],
        properties: {
          reason: { pattern: VISIBLE_CHARACTER.source },
          wouldChange: { pattern: VISIBLE_CHARACTER.source },
        },
      },
    ],
  });
export type InitiativeVoteRequest = z.infer<typeof initiativeVoteRequestSchema>;

export const listInitiativesQuerySchema = z.strictObject({
  /** The live forum's initiatives when left out. */
  forumId: idSchema.optional(),
  status: z.enum(LISTED_INITIATIVE_STATUSES).optional(),
  roomId: idSchema.optional(),
  group: stakeholderGroupSchema.optional(),
});
export type ListInitiativesQuery = z.infer<typeof listInitiativesQuerySchema>;

// Amendments: a new version of the title, summary or partners that answers named objections (Decidim's model).

export const AMENDMENT_STATUSES = ['proposed', 'accepted', 'declined'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];
export const AMENDMENTS_MAX = 30;

export const createAmendmentRequestSchema = z
  .strictObject({
    title: textField(200).optional(),
    summary: textField(4000).optional(),
    /** The invited partners of the new version (the proposer's own organisation stays first). */
    partners: z
      .array(partnerSchema)
      .max(INITIATIVE_PARTNERS_MAX - 1)
      .optional(),
    /** The objections it answers: the ids of the voters whose disagreement or block it means to resolve. */
    answersObjections: z.array(idSchema).min(1).max(100),
    rationale: textField(REASON_MAX),
    /** The proposer's own key for this amendment: sending it again answers the stored one. */
    clientId: clientIdSchema.optional(),
  })
  .refine((body) => body.title || body.summary || body.partners, {
    message: 'change at least one of title, summary or partners',
  })
  .meta({ anyOf: [{ required: ['title'] }, { required: ['summary'] }, { required: ['partners'] }] });
export type CreateAmendmentRequest = z.infer<typeof createAmendmentRequestSchema>;

export const answerAmendmentRequestSchema = z.strictObject({ reason: textField(REASON_MAX) });
export type AnswerAmendmentRequest = z.infer<typeof answerAmendmentRequestSchema>;

/** A run of words of a diff: kept, added by the amendment, or removed by it. */
export const diffPartSchema = z.object({
  value: z.string(),
  change: z.enum(['same', 'added', 'removed']),
});
export type DiffPart = z.infer<typeof diffPartSchema>;

export const amendmentSchema = z.object({
  id: idSchema,
  /** 1 for the initiative's first amendment, 2 for the next: "amendment 2". */
  number: z.number().int(),
  initiativeId: idSchema,
  proposer: publicUserSchema,
  status: z.enum(AMENDMENT_STATUSES),
  rationale: z.string(),
  /** The objections it answers, as they stood when it was proposed. */
  answers: z.array(
    z.object({ user: publicUserSchema, position: z.enum(['disagree', 'block']), wouldChange: z.string() }),
  ),
  /** Word by word, what changes: against the current text while proposed, against the replaced one once accepted. */
  diff: z.array(
    z.object({ field: z.enum(['title', 'summary', 'partners']), parts: z.array(diffPartSchema) }),
  ),
  createdAt: isoDateSchema,
  answeredAt: isoDateSchema.nullable(),
  /** The initiative's proposer's reason for accepting or declining. */
  answerReason: z.string().nullable(),
  /** The version accepting it made. */
  revision: z.number().int().nullable(),
  /** Objections it answered whose voter, on the new version, no longer objects: "amendment 1 cleared the block of …". */
  cleared: z.array(
    z.object({
      user: publicUserSchema,
      from: z.enum(['disagree', 'block']),
      to: z.enum(VOTE_POSITIONS),
      at: isoDateSchema,
    }),
  ),
});
export type Amendment = z.infer<typeof amendmentSchema>;

// Pledges: after adoption, what each confirmed partner commits, tracked to done (Decidim's accountability).

export const PLEDGE_KINDS = ['people', 'money', 'equipment', 'data', 'access'] as const;
export const PLEDGE_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export const PLEDGES_MAX = 100;

export const createPledgeRequestSchema = z.strictObject({
  kind: z.enum(PLEDGE_KINDS),
  description: textField(1000),
  amount: textField(120).optional(),
  /** The person who answers for it. */
  owner: textField(120),
  dueDate: isoDateSchema,
  status: z.enum(PLEDGE_STATUSES).default('planned'),
  clientId: clientIdSchema.optional(),
});
export type CreatePledgeRequest = z.input<typeof createPledgeRequestSchema>;

export const pledgeProgressRequestSchema = z.strictObject({
  percent: z.number().int().min(0).max(100),
  note: textField(1000),
  status: z.enum(PLEDGE_STATUSES).optional(),
});
export type PledgeProgressRequest = z.infer<typeof pledgeProgressRequestSchema>;

export const pledgeSchema = z.object({
  id: idSchema,
  initiativeId: idSchema,
  /** The confirmed partner that commits it. */
  organization: z.string(),
  stakeholderGroup: stakeholderGroupSchema,
  kind: z.enum(PLEDGE_KINDS),
  description: z.string(),
  amount: z.string().nullable(),
  owner: z.string(),
  dueDate: isoDateSchema,
  status: z.enum(PLEDGE_STATUSES),
  percent: z.number().int(),
  /** Past its due date and neither done nor dropped, as of the answer. */
  overdue: z.boolean(),
  updates: z.array(
    z.object({
      percent: z.number().int(),
      note: z.string(),
      status: z.enum(PLEDGE_STATUSES),
      by: publicUserSchema,
      at: isoDateSchema,
    }),
  ),
  createdBy: publicUserSchema,
  createdAt: isoDateSchema,
});
export type Pledge = z.infer<typeof pledgeSchema>;

const positionCounts = z.object({
  agree: z.number().int(),
  abstain: z.number().int(),
  disagree: z.number().int(),
  block: z.number().int(),
});

export const initiativeSchema = z.object({
  id: idSchema,
  title: z.string(),
  summary: z.string(),
  roomId: idSchema.nullable(),
  forumId: idSchema,
  proposer: publicUserSchema,
  partners: z.array(initiativePartnerSchema),
  /** Whether an organisation besides the proposer's own confirmed it: false means the proposer's alone. */
  joint: z.boolean(),
  status: z.enum(INITIATIVE_STATUSES),
  rule: consensusRuleSchema,
  /** The rule in words, in the language asked for (Accept-Language: ru or en). */
  ruleText: z.string(),
  closesAt: isoDateSchema.nullable(),
  openedAt: isoDateSchema.nullable(),
  closedAt: isoDateSchema.nullable(),
  /** Who withdrew the draft (its proposer, a moderator or an organizer) and when; null unless withdrawn. */
  withdrawnBy: publicUserSchema.nullable(),
  withdrawnAt: isoDateSchema.nullable(),
  tally: z.object({
    total: z.number().int(),
    byGroup: z.partialRecord(stakeholderGroupSchema, positionCounts),
  }),
  consensus: z.object({
    reached: z.boolean(),
    unmet: z.array(z.string()),
    conditions: z.array(z.object({ kind: z.enum(['quorum', 'groups', 'threshold', 'blocks']) }).loose()),
  }),
  /** Disagreements and blocks, attributed: a consensus process answers objections by name. */
  objections: z.array(
    z.object({
      user: publicUserSchema,
      position: z.enum(['disagree', 'block']),
      reason: z.string(),
      /** What would have to change for this voter to consent (empty for an objection from before it was asked). */
      wouldChange: z.string(),
      at: isoDateSchema,
    }),
  ),
  myVote: z
    .object({
      position: z.enum(VOTE_POSITIONS),
      reason: z.string().max(REASON_MAX).nullable(),
      wouldChange: z.string().max(REASON_MAX).nullable(),
      /** The version the vote was cast on: older than `revision` means carried over from before an amendment. */
      revision: z.number().int(),
    })
    .nullable(),
  /** The text's version: 1 as proposed, one more for each accepted amendment. */
  revision: z.number().int(),
  amendments: z.array(amendmentSchema),
  /** What the confirmed partners committed once it was adopted, with progress. */
  pledges: z.array(pledgeSchema),
  source: initiativeSourceSchema.nullable(),
  createdAt: isoDateSchema,
});
export type Initiative = z.infer<typeof initiativeSchema>;

/**
 * Who may withdraw a draft, for the API and the web client alike: its proposer, whoever moderates its room
 * (forum-wide moderators and admins for an initiative of the whole forum), and its forum's organizers.
 */
export const mayWithdrawInitiative = (
  user: Pick<User, 'id' | 'roles' | 'moderatedRoomIds'> | null | undefined,
  initiative: Pick<Initiative, 'proposer' | 'roomId'>,
  forumOrganizerIds: readonly string[],
): boolean =>
  !!user &&
  (initiative.proposer.id === user.id ||
    (initiative.roomId ? mayModerateRoom(user, initiative.roomId) : isModerator(user)) ||
    forumOrganizerIds.includes(user.id));

export const voteHistoryEntrySchema = z.object({
  user: publicUserSchema,
  position: z.enum(VOTE_POSITIONS),
  reason: z.string().max(REASON_MAX).nullable(),
  at: isoDateSchema,
});
export type VoteHistoryEntry = z.infer<typeof voteHistoryEntrySchema>;
