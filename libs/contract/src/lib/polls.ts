import { z } from 'zod';
import { idSchema, isoDateSchema, stakeholderGroupSchema, textField } from './common';
import { clientIdSchema } from './rooms';

export const POLL_STATUSES = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

/**
 * Who sees a poll's counts while it is open: everyone (`always`), each person once they voted (`after_vote`),
 * or nobody before it closes (`after_close`). Moderators always see them; a closed poll's results are public.
 */
export const POLL_RESULTS_VISIBILITIES = ['always', 'after_vote', 'after_close'] as const;
export type PollResultsVisibility = (typeof POLL_RESULTS_VISIBILITIES)[number];
const resultsVisibilitySchema = z.enum(POLL_RESULTS_VISIBILITIES);

/** The shortest and longest countdown a poll can be opened with. */
export const POLL_COUNTDOWN_MIN_SECONDS = 5;
export const POLL_COUNTDOWN_MAX_SECONDS = 24 * 60 * 60;

export const POLL_OPTIONS_MIN = 2;
export const POLL_OPTIONS_MAX = 10;
export const POLL_QUESTION_MAX = 300;
export const POLL_OPTION_MAX = 200;

/**
 * In an anonymous poll, the fewest voters each shown group, and the voters of the groups left out together,
 * must have for the split by group to be shown; it is shown only when it lets nobody work out a choice.
 */
export const ANONYMOUS_GROUP_MIN_VOTERS = 3;

const optionLabels = z
  .array(textField(POLL_OPTION_MAX))
  .min(POLL_OPTIONS_MIN)
  .max(POLL_OPTIONS_MAX)
  .refine(
    (labels) => new Set(labels.map((label) => label.toLowerCase())).size === labels.length,
    'options must differ',
  )
  .meta({ uniqueItems: true });

export const createPollRequestSchema = z.strictObject({
  question: textField(POLL_QUESTION_MAX),
  options: optionLabels,
  multiple: z.boolean().default(false),
  anonymous: z.boolean().default(false),
  resultsVisibility: resultsVisibilitySchema.default('always'),
  /** The moderator's own key for this poll: sending it again answers the stored poll (a double click makes one). */
  clientId: clientIdSchema.optional(),
});
export type CreatePollRequest = z.input<typeof createPollRequestSchema>;

export const updatePollRequestSchema = z
  .strictObject({
    question: textField(POLL_QUESTION_MAX).optional(),
    options: optionLabels.optional(),
    multiple: z.boolean().optional(),
    anonymous: z.boolean().optional(),
    resultsVisibility: resultsVisibilitySchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field to change')
  .meta({ minProperties: 1 });
export type UpdatePollRequest = z.infer<typeof updatePollRequestSchema>;

/**
 * Opening a poll, optionally with a countdown: the server closes it when the time is up. The body may be left
 * out (no countdown), as before countdowns existed.
 */
export const openPollRequestSchema = z.preprocess(
  (body) => body ?? {},
  z.strictObject({
    closesInSeconds: z
      .number()
      .int()
      .min(POLL_COUNTDOWN_MIN_SECONDS)
      .max(POLL_COUNTDOWN_MAX_SECONDS)
      .optional(),
  }),
);
export type OpenPollRequest = z.infer<typeof openPollRequestSchema>;

export const voteRequestSchema = z.strictObject({
  optionIds: z
    .array(idSchema)
    .min(1)
    .max(POLL_OPTIONS_MAX)
    .refine((ids) => new Set(ids).size === ids.length, 'each option at most once')
    .meta({ uniqueItems: true }),
});
export type VoteRequest = z.infer<typeof voteRequestSchema>;
export const pollVoteSchema = voteRequestSchema.extend({ pollId: idSchema });

export const pollOptionSchema = z.object({ id: idSchema, label: z.string(), votes: z.number().int() });

export const pollSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  question: z.string(),
  status: z.enum(POLL_STATUSES),
  multiple: z.boolean(),
  anonymous: z.boolean(),
  resultsVisibility: resultsVisibilitySchema,
  /**
   * True when this view carries no counts (votes, voters and the group split are all zero): the results are
   * hidden from this person for now (see `resultsVisibility`).
   */
  resultsHidden: z.boolean(),
  options: z.array(pollOptionSchema),
  /** People who voted (not option choices). */
  voters: z.number().int(),
  byGroup: z.partialRecord(stakeholderGroupSchema, z.record(z.string(), z.number().int())),
  /** The caller's own choice; null when they have not voted (always null in room events). */
  myVote: z.array(idSchema).nullable(),
  createdAt: isoDateSchema,
  openedAt: isoDateSchema.nullable(),
  /** When the server closes the open poll by itself; null without a countdown. */
  closesAt: isoDateSchema.nullable(),
  closedAt: isoDateSchema.nullable(),
});
export type Poll = z.infer<typeof pollSchema>;
export type PollOption = z.infer<typeof pollOptionSchema>;
