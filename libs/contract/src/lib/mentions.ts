import { z } from 'zod';
import { idSchema } from './common';
import { messageSchema } from './rooms';

/**
 * A mention is written into the message text as a token, `@[Display Name](userId)`, so an edit keeps it
 * where it was and the text alone says who was meant; the API keeps the ids of the tokens it accepted in
 * `Message.mentions`, and rewrites a token naming nobody it knows as plain `@Display Name`.
 */
export const MENTION_NAME_MAX = 100;
const MENTION_TOKEN = /@\[([^\]\n]{1,100})\]\(([0-9a-f]{24})\)/g;

export type MentionPart = { kind: 'text'; text: string } | { kind: 'mention'; name: string; userId: string };

/** The text split into plain runs and mention tokens, in order. */
export function mentionParts(text: string): MentionPart[] {
  const parts: MentionPart[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION_TOKEN)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({ kind: 'mention', name: match[1], userId: match[2] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The token that mentions a person; brackets in a name would end it early, so they are left out. */
export const mentionToken = (name: string, userId: string): string =>
  `@[${name.replace(/[[\]\n]/g, '').slice(0, MENTION_NAME_MAX)}](${userId})`;

/** The text as people read it: tokens shown as `@Name` (notifications, quotes). */
export const plainMentionText = (text: string): string =>
  mentionParts(text)
    .map((part) => (part.kind === 'mention' ? `@${part.name}` : part.text))
    .join('');

export const MENTION_PAGE_DEFAULT = 20;
export const MENTION_PAGE_MAX = 50;
export const listMentionsQuerySchema = z.strictObject({
  /** The id of the last mention of the previous page: the page holds older ones. */
  before: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MENTION_PAGE_MAX).default(MENTION_PAGE_DEFAULT),
});
export type ListMentionsQuery = z.input<typeof listMentionsQuerySchema>;

export const mentionSchema = z.object({
  /** The message's id. */
  id: idSchema,
  message: messageSchema,
  roomTitle: z.string(),
  threadTitle: z.string(),
  /** The web path that opens the thread at the message. */
  link: z.string(),
  /** Not yet read: the message is newer than what the person last read in that room. */
  unread: z.boolean(),
});
export type Mention = z.infer<typeof mentionSchema>;

export const mentionPageSchema = z.object({ items: z.array(mentionSchema), hasMore: z.boolean() });
export type MentionPage = z.infer<typeof mentionPageSchema>;

/** Counts stop here: a badge says "99+", and counting further would cost time for nothing. */
export const UNREAD_COUNT_MAX = 100;
export const roomUnreadSchema = z.object({
  roomId: idSchema,
  /** Messages by others after the last read one, at most UNREAD_COUNT_MAX. */
  unread: z.number().int().min(0),
  /** Of those, the ones that mention the reader. */
  mentions: z.number().int().min(0),
});
export type RoomUnread = z.infer<typeof roomUnreadSchema>;
export const unreadSummarySchema = z.object({
  rooms: z.array(roomUnreadSchema),
  /** Unread mentions over every room. */
  mentions: z.number().int().min(0),
});
export type UnreadSummary = z.infer<typeof unreadSummarySchema>;

export const markReadRequestSchema = z.strictObject({
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type MarkReadRequest = z.infer<typeof markReadRequestSchema>;

export const mentionableQuerySchema = z.strictObject({ q: z.string().max(MENTION_NAME_MAX).default('') });
export const MENTIONABLE_MAX = 8;
export const mentionableSchema = z.object({
  items: z.array(z.object({ id: idSchema, displayName: z.string(), organization: z.string() })),
});
export type Mentionable = z.infer<typeof mentionableSchema>;

/** To the mentioned person's own sockets, whatever room they have open. */
export type MentionNotice = Mention;
/** To sockets that watch the rooms page: a message arrived in a room (its content stays in the room). */
export interface RoomActivity {
  roomId: string;
  seq: number;
  authorId: string;
}
