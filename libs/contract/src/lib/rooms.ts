import { z } from 'zod';
import { publicUserSchema } from './auth';
import { idSchema, isoDateSchema, textField } from './common';

export const ROOM_KINDS = ['track', 'cluster'] as const;

export const roomSchema = z.object({
  id: idSchema,
  slug: z.string(),
  kind: z.enum(ROOM_KINDS),
  title: z.string(),
  description: z.string(),
  keyQuestions: z.array(z.string()),
});
export type Room = z.infer<typeof roomSchema>;
export type RoomKind = Room['kind'];

export const threadSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  title: z.string(),
  createdBy: publicUserSchema,
  pinned: z.boolean(),
  locked: z.boolean(),
  messageCount: z.number().int(),
  lastActivityAt: isoDateSchema,
  createdAt: isoDateSchema,
});
export type Thread = z.infer<typeof threadSchema>;

export const THREAD_TITLE_MAX = 200;
export const createThreadRequestSchema = z.strictObject({
  title: textField(THREAD_TITLE_MAX),
});
export type CreateThreadRequest = z.infer<typeof createThreadRequestSchema>;

export const updateThreadRequestSchema = z
  .strictObject({ pinned: z.boolean().optional(), locked: z.boolean().optional() })
  .refine((body) => body.pinned !== undefined || body.locked !== undefined, 'give pinned or locked')
  .meta({ minProperties: 1 });
export type UpdateThreadRequest = z.infer<typeof updateThreadRequestSchema>;

export const MESSAGE_TEXT_MAX = 4000;
export const CLIENT_ID_MAX = 64;
export const clientIdSchema = z
  .string()
  .min(1)
  .max(CLIENT_ID_MAX)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

export const messageSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  threadId: idSchema,
  seq: z.number().int(),
  clientId: z.string(),
  author: publicUserSchema,
  text: z.string(),
  replyTo: idSchema.nullable(),
  reactions: z.record(z.string(), z.array(idSchema)),
  createdAt: isoDateSchema,
  editedAt: isoDateSchema.nullable(),
  deleted: z.boolean(),
});
export type Message = z.infer<typeof messageSchema>;

export const postMessageRequestSchema = z.strictObject({
  threadId: idSchema,
  text: textField(MESSAGE_TEXT_MAX),
  clientId: clientIdSchema,
  replyTo: idSchema.nullish(),
});
export type PostMessageRequest = z.infer<typeof postMessageRequestSchema>;

export const MESSAGE_PAGE_DEFAULT = 50;
export const MESSAGE_PAGE_MAX = 100;
export const listMessagesQuerySchema = z.strictObject({
  threadId: idSchema.optional(),
  beforeSeq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(MESSAGE_PAGE_MAX).default(MESSAGE_PAGE_DEFAULT),
});
export type ListMessagesQuery = z.input<typeof listMessagesQuerySchema>;

export const messagePageSchema = z.object({
  items: z.array(messageSchema),
  hasMore: z.boolean(),
});
export type MessagePage = z.infer<typeof messagePageSchema>;

/** Emoji reactions are a short fixed palette: free text here would be an abuse channel. */
export const REACTION_EMOJIS = ['👍', '❤️', '🎉', '🤔', '👀', '✅'] as const;
export const reactionEmojiSchema = z.enum(REACTION_EMOJIS);
