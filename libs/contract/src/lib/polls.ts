import { z } from 'zod';
import { idSchema, isoDateSchema, stakeholderGroupSchema, textField, clientIdSchema } from './common';

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

/**
 * What a poll asks for: one or several options (choice), up to three short answers counted as a word cloud,
 * every option put in order (ranking, Borda points), or each option scored on a scale (rating).
 */
export const POLL_KINDS = ['choice', 'word_cloud', 'ranking', 'rating'] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export const RATING_SCALES = [5, 10] as const;
export type RatingScale = (typeof RATING_SCALES)[number];
export const WORD_CLOUD_ANSWERS_MAX = 3;
export const WORD_CLOUD_ANSWER_MAX = 40;

export const POLL_OPTIONS_MIN = 2;
export const POLL_OPTIONS_MAX = 10;
export const POLL_QUESTION_MAX = 300;
export const POLL_OPTION_MAX = 200;

/**
 * In an anonymous poll, the fewest voters each shown group, and the voters of the groups left out together,
 * must have for the split by group to be shown; it is shown only when it lets nobody work out a choice.
 */
export const ANONYMOUS_GROUP_MIN_VOTERS = 3;

/** How many options each kind takes: a word cloud none, a single rating scale one. */
export const POLL_KIND_OPTIONS_MIN: Record<PollKind, number> = {
  choice: POLL_OPTIONS_MIN,
  word_cloud: 0,
  ranking: POLL_OPTIONS_MIN,
  rating: 1,
};

const optionLabels = z
  .array(textField(POLL_OPTION_MAX))
  .max(POLL_OPTIONS_MAX)
  .refine(
    (labels) => new Set(labels.map((label) => label.toLowerCase())).size === labels.length,
    'options must differ',
  )
  .meta({ uniqueItems: true });

export const createPollRequestSchema = z
  .strictObject({
    question: textField(POLL_QUESTION_MAX),
    kind: z.enum(POLL_KINDS).default('choice'),
    options: optionLabels.default([]),
    multiple: z.boolean().default(false),
    anonymous: z.boolean().default(false),
    resultsVisibility: resultsVisibilitySchema.default('always'),
    /** Only for a rating: the top of its 1–5 or 1–10 scale. */
    scale: z.union(RATING_SCALES.map((scale) => z.literal(scale))).optional(),
    /** The moderator's own key for this poll: sending it again answers the stored poll (a double click makes one). */
    clientId: clientIdSchema.optional(),
  })
  .superRefine((body, context) => {
    const problem = pollShapeProblem(body.kind, body.options.length, body.multiple, body.scale);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** Why a poll of this kind cannot have these options or settings; null when it can. */
export function pollShapeProblem(
  kind: PollKind,
  options: number,
  multiple: boolean,
  scale: number | undefined,
): string | null {
  if (kind === 'word_cloud' && options > 0) return 'a word cloud takes no options';
  if (options < POLL_KIND_OPTIONS_MIN[kind])
    return `a ${kind} poll needs at least ${POLL_KIND_OPTIONS_MIN[kind]} options`;
  if (multiple && kind !== 'choice') return 'only a choice poll can take several options';
  if (scale !== undefined && kind !== 'rating') return 'only a rating poll has a scale';
  return null;
}
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

const ballotFields = {
  /** A choice's options, or every option in order (first place first) for a ranking. */
  optionIds: voteRequestSchema.shape.optionIds.optional(),
  /** A word cloud's answers: up to three short ones, counted once each after normalising. */
  words: z.array(textField(WORD_CLOUD_ANSWER_MAX)).min(1).max(WORD_CLOUD_ANSWERS_MAX).optional(),
  /** A rating's whole score from 1 to the poll's scale for each option rated. */
  ratings: z
    .record(
      idSchema,
      z
        .number()
        .int()
        .min(1)
        .max(Math.max(...RATING_SCALES)),
    )
    .optional(),
};
const oneAnswer = (ballot: Partial<Record<keyof typeof ballotFields, unknown>>) =>
  Object.keys(ballotFields).filter((key) => ballot[key as keyof typeof ballotFields] !== undefined).length ===
  1;
const ONE_ANSWER = 'give exactly one of optionIds, words or ratings, as the poll asks';

/** A ballot of any kind; the poll's kind decides which one of its fields it takes. */
export const ballotRequestSchema = z.strictObject(ballotFields).refine(oneAnswer, ONE_ANSWER);
export type BallotRequest = z.infer<typeof ballotRequestSchema>;
export const pollVoteSchema = z
  .strictObject({ ...ballotFields, pollId: idSchema })
  .refine(oneAnswer, ONE_ANSWER);

const groupFigures = <T extends z.ZodType>(figure: T) =>
  z.partialRecord(stakeholderGroupSchema, z.record(z.string(), figure));

export const wordCountSchema = z.object({ word: z.string(), count: z.number().int() });
export const ratingSummarySchema = z.object({
  /** People who scored this option. */
  count: z.number().int(),
  /** null while nobody has. */
  mean: z.number().nullable(),
  /** How many gave each score, from 1 up to the scale. */
  distribution: z.array(z.number().int()),
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

/** The results of a word cloud, ranking or rating, besides the voter count every poll has. */
export const formatResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('word_cloud'),
    /** Most answered first; hidden words left out. */
    words: z.array(wordCountSchema),
    byGroup: groupFigures(z.number().int()),
    /** Words a moderator hid, listed for moderators only (empty for everyone else). */
    hiddenWords: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('ranking'),
    /** Borda points per option: n−1 for each first place … 0 for each last. */
    points: z.record(z.string(), z.number().int()),
    byGroup: groupFigures(z.number().int()),
  }),
  z.object({
    kind: z.literal('rating'),
    scale: z.number().int(),
    ratings: z.record(z.string(), ratingSummarySchema),
    byGroup: groupFigures(ratingSummarySchema),
  }),
]);
export type FormatResult = z.infer<typeof formatResultSchema>;

export const hideWordRequestSchema = z.strictObject({
  word: textField(WORD_CLOUD_ANSWER_MAX),
  hidden: z.boolean().default(true),
});
export type HideWordRequest = z.input<typeof hideWordRequestSchema>;

export const pollOptionSchema = z.object({ id: idSchema, label: z.string(), votes: z.number().int() });

export const pollSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  question: z.string(),
  kind: z.enum(POLL_KINDS),
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
  /** The results of a word cloud, ranking or rating; null for a choice poll. */
  formatResult: formatResultSchema.nullable(),
  /** The caller's own words or ratings; null when they have not answered (always null in room events). */
  myWords: z.array(z.string()).nullable(),
  myRatings: z.record(z.string(), z.number().int()).nullable(),
  createdAt: isoDateSchema,
  openedAt: isoDateSchema.nullable(),
  /** When the server closes the open poll by itself; null without a countdown. */
  closesAt: isoDateSchema.nullable(),
  closedAt: isoDateSchema.nullable(),
  /**
   * The thread Helix opened in the poll's room when it closed, with its result as the first message, where
   * the room discusses it; null while open, and for a poll closed with no votes.
   */
  resultThreadId: idSchema.nullable(),
});
export type Poll = z.infer<typeof pollSchema>;
export type PollOption = z.infer<typeof pollOptionSchema>;

/**
 * A closed poll's result as Helix posts it into the poll's thread (a message's attachment, see rooms.ts): what
 * everyone sees of the poll once it is closed. The counts are public then, whatever `resultsVisibility` was;
 * a word cloud's hidden words are left out. Percentages are of `voters`, worked out by the client.
 */
export const pollResultSchema = pollSchema
  .pick({
    id: true,
    roomId: true,
    question: true,
    kind: true,
    multiple: true,
    anonymous: true,
    options: true,
    voters: true,
    byGroup: true,
    formatResult: true,
  })
  .extend({
    closedAt: isoDateSchema,
    /**
     * What came first: the ids of the options with the most votes (choice), points (ranking) or the highest
     * mean (rating), or a word cloud's most given words; several when tied, none without votes.
     */
    winners: z.array(z.string()),
  });
export type PollResult = z.infer<typeof pollResultSchema>;

/** What came first in a poll's results now (see `PollResult.winners`). */
export function pollWinners(poll: Pick<Poll, 'options' | 'formatResult'>): string[] {
  const result = poll.formatResult;
  const scores: Array<[string, number]> =
    result?.kind === 'word_cloud'
      ? result.words.map(({ word, count }) => [word, count])
      : poll.options.map((option) => [
          option.id,
          result?.kind === 'ranking'
            ? (result.points[option.id] ?? 0)
            : result?.kind === 'rating'
              ? (result.ratings[option.id]?.mean ?? 0)
              : option.votes,
        ]);
  const best = Math.max(0, ...scores.map(([, score]) => score));
  return best > 0 ? scores.filter(([, score]) => score === best).map(([key]) => key) : [];
}
