import { z } from 'zod';
import { idSchema, isoDateSchema, stakeholderGroupSchema, textField } from './common';
import { clientIdSchema } from './rooms';

export const POLL_STATUSES = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

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
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field to change')
  .meta({ minProperties: 1 });
export type UpdatePollRequest = z.infer<typeof updatePollRequestSchema>;

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
  options: z.array(pollOptionSchema),
  /** People who voted (not option choices). */
  voters: z.number().int(),
  byGroup: z.partialRecord(stakeholderGroupSchema, z.record(z.string(), z.number().int())),
  /** The caller's own choice; null when they have not voted (always null in room events). */
  myVote: z.array(idSchema).nullable(),
  createdAt: isoDateSchema,
  openedAt: isoDateSchema.nullable(),
  closedAt: isoDateSchema.nullable(),
});
export type Poll = z.infer<typeof pollSchema>;
export type PollOption = z.infer<typeof pollOptionSchema>;
