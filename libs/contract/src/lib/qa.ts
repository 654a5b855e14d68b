import { z } from 'zod';
import { publicUserSchema } from './auth';
import { idSchema, isoDateSchema, textField, clientIdSchema } from './common';
import { MODERATION_REASON_MAX } from './rooms';

/**
 * Audience Q&A, as at Slido: `pending` waits for a moderator when the room asks for review, `approved` is shown
 * and upvoted, `answered` is done, `dismissed` is shown to nobody but its author and the moderators.
 */
export const QUESTION_STATUSES = ['pending', 'approved', 'answered', 'dismissed'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const QUESTION_TEXT_MAX = 500;

export const askQuestionRequestSchema = z.strictObject({
  text: textField(QUESTION_TEXT_MAX),
  /** Hidden from other participants; moderators still see who asked. */
  anonymous: z.boolean().default(false),
  clientId: clientIdSchema,
});
export type AskQuestionRequest = z.input<typeof askQuestionRequestSchema>;

export const listQuestionsQuerySchema = z.strictObject({
  status: z.enum(QUESTION_STATUSES).optional(),
});
export type ListQuestionsQuery = z.infer<typeof listQuestionsQuerySchema>;

export const moderateQuestionRequestSchema = z.strictObject({
  status: z.enum(['approved', 'answered', 'dismissed']),
  reason: textField(MODERATION_REASON_MAX).optional(),
});
export type ModerateQuestionRequest = z.infer<typeof moderateQuestionRequestSchema>;

export const questionSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  text: z.string(),
  anonymous: z.boolean(),
  /** Null when anonymous, except for moderators and the asker. */
  author: publicUserSchema.nullable(),
  status: z.enum(QUESTION_STATUSES),
  upvotes: z.number().int(),
  /** The caller's own upvote (always false in room events). */
  upvotedByMe: z.boolean(),
  /** The caller asked it (always false in room events). */
  mine: z.boolean(),
  createdAt: isoDateSchema,
  answeredAt: isoDateSchema.nullable(),
});
export type Question = z.infer<typeof questionSchema>;

/** The order the audience and the projector see: most upvoted first, then oldest first. */
export const compareQuestions = (a: Question, b: Question): number =>
  b.upvotes - a.upvotes || a.createdAt.localeCompare(b.createdAt);
