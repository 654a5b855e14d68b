import { z } from 'zod';
import { publicUserSchema } from './auth';
import { pollResultSchema } from './polls';
import { clientIdSchema, idSchema, isoDateSchema, textField } from './common';
import {
  forumSlugSchema,
  translatableField,
  translatableListField,
  translatedListSchema,
  translatedSchema,
} from './forums';

/** Tracks and clusters of the forum's programme, and rooms for a side event (`session`). */
export const ROOM_KINDS = ['track', 'cluster', 'session'] as const;

export const roomSchema = z.object({
  id: idSchema,
  forumId: idSchema,
  slug: z.string(),
  kind: z.enum(ROOM_KINDS),
  /** In the reader's language; `translations` holds both. */
  title: z.string(),
  description: z.string(),
  keyQuestions: z.array(z.string()),
  /** Place in the forum's room list. */
  order: z.number().int(),
  /** Kept with everything said in it, readable, no longer listed or writable. */
  archived: z.boolean(),
  translations: z.object({
    title: translatedSchema,
    description: translatedSchema,
    keyQuestions: translatedListSchema,
  }),
});
export type Room = z.infer<typeof roomSchema>;
export type RoomKind = Room['kind'];

export const ROOM_TITLE_MAX = 200;
export const ROOM_DESCRIPTION_MAX = 4000;

export const createRoomRequestSchema = z.strictObject({
  kind: z.enum(ROOM_KINDS),
  title: translatableField(ROOM_TITLE_MAX),
  description: translatableField(ROOM_DESCRIPTION_MAX).optional(),
  keyQuestions: translatableListField.optional(),
  /** A short name for the room's link (`/r/<slug>`); made from the English title when left out. */
  slug: forumSlugSchema.optional(),
});
export type CreateRoomRequest = z.input<typeof createRoomRequestSchema>;

export const updateRoomRequestSchema = z
  .strictObject({
    kind: z.enum(ROOM_KINDS).optional(),
    title: translatableField(ROOM_TITLE_MAX).optional(),
    description: translatableField(ROOM_DESCRIPTION_MAX).optional(),
    keyQuestions: translatableListField.optional(),
    archived: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field')
  .meta({ minProperties: 1 });
export type UpdateRoomRequest = z.input<typeof updateRoomRequestSchema>;

export const reorderRoomsRequestSchema = z.strictObject({ roomIds: z.array(idSchema).min(1).max(200) });
export type ReorderRoomsRequest = z.infer<typeof reorderRoomsRequestSchema>;

/**
 * Helix itself, as the author of what it posts into a room (a closed poll's result): clients name it in the
 * reader's language. It has no organization or stakeholder group, and no account.
 */
export const systemAuthorSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  system: z.literal(true),
});
export type SystemAuthor = z.infer<typeof systemAuthorSchema>;
/** Who wrote a message or started a thread: a person, or Helix. */
export const authorSchema = z.union([publicUserSchema, systemAuthorSchema]);
export type Author = z.infer<typeof authorSchema>;
export const isSystemAuthor = (author: Author): author is SystemAuthor => 'system' in author;

export const threadSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  title: z.string(),
  createdBy: authorSchema,
  pinned: z.boolean(),
  locked: z.boolean(),
  /** Settled by a moderator: shown as done, still open for replies unless also locked. */
  resolved: z.boolean(),
  /** Removed by its author or a moderator: no longer listed (its events tell clients to drop it). */
  deleted: z.boolean(),
  messageCount: z.number().int(),
  lastActivityAt: isoDateSchema,
  createdAt: isoDateSchema,
});
export type Thread = z.infer<typeof threadSchema>;

export const THREAD_TITLE_MAX = 200;
export const createThreadRequestSchema = z.strictObject({
  title: textField(THREAD_TITLE_MAX),
  /** The creator's own key for this thread: sending it again answers the stored thread (a double click makes one). */
  clientId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
    .optional(),
});
export type CreateThreadRequest = z.infer<typeof createThreadRequestSchema>;

export const updateThreadRequestSchema = z
  .strictObject({
    /** Its author or a moderator renames a thread; the flags are the moderators'. */
    title: textField(THREAD_TITLE_MAX).optional(),
    pinned: z.boolean().optional(),
    locked: z.boolean().optional(),
    resolved: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give title, pinned, locked or resolved')
  .meta({ minProperties: 1 });
export type UpdateThreadRequest = z.infer<typeof updateThreadRequestSchema>;

export const MESSAGE_TEXT_MAX = 4000;

/**
 * What Helix posts in place of text, for clients to render in the reader's language: `poll_result`, a closed
 * poll's result, opening the poll's own thread.
 */
export const messageAttachmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('poll_result'), poll: pollResultSchema }),
]);
export type MessageAttachment = z.infer<typeof messageAttachmentSchema>;

export const messageSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  threadId: idSchema,
  seq: z.number().int(),
  clientId: z.string(),
  author: authorSchema,
  text: z.string(),
  /** Helix's own messages (`author.system`) carry this and no text; null for people's, and once removed. */
  attachment: messageAttachmentSchema.nullable(),
  replyTo: idSchema.nullable(),
  /** Who the text mentions (see mentions.ts): the ids of its accepted `@[Name](userId)` tokens. */
  mentions: z.array(idSchema),
  reactions: z.record(z.string(), z.array(idSchema)),
  createdAt: isoDateSchema,
  editedAt: isoDateSchema.nullable(),
  deleted: z.boolean(),
  /** Set when a moderator hid the message: its text is gone for everyone, the reason is shown in its place. */
  hidden: z.object({ reason: z.string(), at: isoDateSchema }).nullable(),
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

export const MODERATION_REASON_MAX = 500;
export const hideMessageRequestSchema = z.strictObject({ reason: textField(MODERATION_REASON_MAX) });
export type HideMessageRequest = z.infer<typeof hideMessageRequestSchema>;

/** What a room's presenter screen shows; the moderator changes it with one click. */
export const PROJECTOR_KINDS = ['nothing', 'poll', 'qa', 'initiative'] as const;
export type ProjectorKind = (typeof PROJECTOR_KINDS)[number];
/** Projector kinds that point at one poll or initiative through `targetId`. */
export const PROJECTOR_KINDS_WITH_TARGET: readonly ProjectorKind[] = ['poll', 'initiative'];

export const projectorSchema = z
  .strictObject({ kind: z.enum(PROJECTOR_KINDS), targetId: idSchema.nullish() })
  .refine((projector) => PROJECTOR_KINDS_WITH_TARGET.includes(projector.kind) === !!projector.targetId, {
    message: 'targetId is required for a poll or an initiative, and only for them',
    path: ['targetId'],
  })
  // `type` sits in each branch: @nestjs/swagger drops it beside `anyOf` on a property, and `null` would pass.
  .meta({
    anyOf: [
      { type: 'object', properties: { kind: { enum: ['nothing', 'qa'] }, targetId: { type: 'null' } } },
      {
        type: 'object',
        required: ['targetId'],
        properties: { kind: { enum: ['poll', 'initiative'] }, targetId: { type: 'string' } },
      },
    ],
  });
export type ProjectorRequest = z.infer<typeof projectorSchema>;

/** A room's live settings, changed by moderators (unlike the room itself, which comes from the forum text). */
export const roomSettingsSchema = z.object({
  roomId: idSchema,
  /** Audience questions wait for a moderator's approval before others see them. */
  qaReview: z.boolean(),
  /** Whether the audience may ask now: an agenda session opens and closes it at its times. */
  qaOpen: z.boolean(),
  projector: z.object({ kind: z.enum(PROJECTOR_KINDS), targetId: idSchema.nullable() }),
  updatedAt: isoDateSchema,
});
export type RoomSettings = z.infer<typeof roomSettingsSchema>;
export type Projector = RoomSettings['projector'];

export const updateRoomSettingsRequestSchema = z
  .strictObject({
    qaReview: z.boolean().optional(),
    qaOpen: z.boolean().optional(),
    projector: projectorSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give qaReview, qaOpen or projector')
  .meta({ minProperties: 1 });
export type UpdateRoomSettingsRequest = z.input<typeof updateRoomSettingsRequestSchema>;

export const MODERATION_ACTIONS = [
  'message.hidden',
  'message.deleted',
  'thread.pinned',
  'thread.unpinned',
  'thread.locked',
  'thread.unlocked',
  'thread.resolved',
  'thread.reopened',
  'thread.renamed',
  'thread.deleted',
  'question.approved',
  'question.answered',
  'question.dismissed',
  'question.reopened',
  'statement.approved',
  'statement.rejected',
  'poll.opened',
  'poll.closed',
  'initiative.opened',
  'initiative.closed',
  'initiative.withdrawn',
  'settings.qa_review_on',
  'settings.qa_review_off',
  'settings.qa_opened',
  'settings.qa_closed',
  'settings.projector',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** One moderator action, kept for accountability; moderators read the room's log. */
export const moderationEntrySchema = z.object({
  id: idSchema,
  roomId: idSchema,
  action: z.enum(MODERATION_ACTIONS),
  moderator: publicUserSchema,
  subjectId: idSchema.nullable(),
  // Bounded like what is stored: an unbounded nullable string reaches OpenAPI as an array (@nestjs/swagger
  // reads JSON Schema's `type: ["string", "null"]` as a list).
  reason: z.string().max(MODERATION_REASON_MAX).nullable(),
  /** What the action removed or set, e.g. the hidden message's text; moderators only. */
  detail: z.string().max(MESSAGE_TEXT_MAX).nullable(),
  at: isoDateSchema,
});
export type ModerationEntry = z.infer<typeof moderationEntrySchema>;
