import { z } from 'zod';
import { publicUserSchema, type PublicUser } from './auth';
import { idSchema, textField, type ErrorCode, type StakeholderGroup } from './common';
import {
  hideMessageRequestSchema,
  MESSAGE_TEXT_MAX,
  postMessageRequestSchema,
  reactionEmojiSchema,
  type Message,
  type Room,
  type RoomSettings,
  type Thread,
} from './rooms';
import type { Question } from './qa';
import type { MentionNotice, RoomActivity } from './mentions';
import type { Statement } from './statements';
import { pollVoteSchema, type Poll } from './polls';
import type { AgendaSession, Forum } from './forums';
import type { ConsensusRuleSettings, Initiative } from './initiatives';

export const ROOM_EVENT_TYPES = [
  'message.created',
  'message.updated',
  'message.deleted',
  'message.hidden',
  'reaction.updated',
  'thread.created',
  'thread.updated',
  'poll.created',
  'poll.updated',
  'poll.draft',
  'initiative.updated',
  'settings.updated',
  'question.updated',
  'question.pending',
  'statement.updated',
  'statement.pending',
  'room.updated',
  'session.updated',
  'forum.updated',
  'consensus-rule.updated',
] as const;
export type RoomEventType = (typeof ROOM_EVENT_TYPES)[number];

/** The payload each room event type carries; later features add theirs here. */
export interface RoomEventPayloads {
  'message.created': Message;
  'message.updated': Message;
  'message.deleted': Message;
  'message.hidden': Message;
  'reaction.updated': Message;
  'thread.created': Thread;
  'thread.updated': Thread;
  'poll.created': Poll;
  'poll.updated': Poll;
  /** A draft poll was made or changed: moderators fetch the room's polls; others learn nothing about it. */
  'poll.draft': { id: string; roomId: string };
  'initiative.updated': Initiative;
  'settings.updated': RoomSettings;
  /** A question others may see, as they see it (no author when anonymous); dismissed ones leave the list. */
  'question.updated': Question;
  /** A question waits for review: moderators fetch the queue; others learn nothing about it. */
  'question.pending': { id: string; roomId: string };
  /** An approved statement with its vote counts, or one rejected after approval (it leaves the list). */
  'statement.updated': Statement;
  /** A statement waits for review, or was rejected from review: moderators fetch the queue. */
  'statement.pending': { id: string; roomId: string };
  /** The room itself changed (an organizer renamed, reworded or archived it). */
  'room.updated': Room;
  /** A session of the room's agenda was added, changed, started, ended or removed (`removed`). */
  'session.updated': AgendaSession & { removed?: boolean };
  /** A forum changed (sent to every instance, not to sockets). */
  'forum.updated': Forum;
  /** The forum's minimum consensus rule changed (on the forum's channel, which no socket joins). */
  'consensus-rule.updated': ConsensusRuleSettings;
}

export interface RoomEvent<T extends RoomEventType = RoomEventType> {
  roomId: string;
  seq: number;
  type: T;
  payload: RoomEventPayloads[T];
  at: string;
}

export const ROOM_REPLAY_PAGE = 500;

export const roomJoinSchema = z.strictObject({
  roomId: idSchema,
  sinceSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export const roomLeaveSchema = z.strictObject({ roomId: idSchema });
export const messageSendSchema = postMessageRequestSchema.extend({ roomId: idSchema });
export const messageEditSchema = z.strictObject({ messageId: idSchema, text: textField(MESSAGE_TEXT_MAX) });
/** A moderator deleting someone else's message gives a reason, kept in the moderation log. */
export const messageDeleteSchema = z.strictObject({
  messageId: idSchema,
  reason: hideMessageRequestSchema.shape.reason.optional(),
});
export const messageHideSchema = hideMessageRequestSchema.extend({ messageId: idSchema });
export const reactionToggleSchema = z.strictObject({ messageId: idSchema, emoji: reactionEmojiSchema });
export const typingSchema = z.strictObject({ roomId: idSchema, threadId: idSchema });

export type RoomJoinRequest = z.infer<typeof roomJoinSchema>;
export type MessageSendRequest = z.infer<typeof messageSendSchema>;

export interface AckError {
  ok: false;
  error: { code: ErrorCode; message: string; retryable: boolean };
}
export type Ack<T extends object = object> = ({ ok: true } & T) | AckError;
export type AckCallback<T extends object = object> = (ack: Ack<T>) => void;

export interface RoomJoinAck {
  seq: number;
  presence: PublicUser[];
  presenceCount: number;
  /** Everyone present, counted by stakeholder group (the list above stops at PRESENCE_LIST_MAX). */
  presenceByGroup: PresencePayload['byGroup'];
  missed: RoomEvent[];
  hasMore: boolean;
}

export const roomsWatchSchema = z.strictObject({ watching: z.boolean() });
export interface ClientToServerEvents {
  /** The rooms page is open (or closed): its unread badges follow `rooms:activity`. */
  'rooms:watch': (payload: z.infer<typeof roomsWatchSchema>, ack: AckCallback) => void;
  'room:join': (payload: RoomJoinRequest, ack: AckCallback<RoomJoinAck>) => void;
  'room:leave': (payload: { roomId: string }, ack: AckCallback) => void;
  'message:send': (payload: MessageSendRequest, ack: AckCallback<{ message: Message }>) => void;
  'message:edit': (
    payload: z.infer<typeof messageEditSchema>,
    ack: AckCallback<{ message: Message }>,
  ) => void;
  'message:delete': (
    payload: z.infer<typeof messageDeleteSchema>,
    ack: AckCallback<{ message: Message }>,
  ) => void;
  /** Moderators and admins: as `POST /api/messages/:messageId/hide`. */
  'message:hide': (
    payload: z.infer<typeof messageHideSchema>,
    ack: AckCallback<{ message: Message }>,
  ) => void;
  'reaction:toggle': (
    payload: z.infer<typeof reactionToggleSchema>,
    ack: AckCallback<{ message: Message }>,
  ) => void;
  typing: (payload: z.infer<typeof typingSchema>, ack: AckCallback) => void;
  'poll:vote': (payload: z.infer<typeof pollVoteSchema>, ack: AckCallback<{ poll: Poll }>) => void;
  /** Hands a refreshed access token of the same person to a live socket, so it lives on without a reconnect. */
  'session:renew': (payload: { token: string }, ack: AckCallback) => void;
}

/** At most this many people are listed by name; `count` and `byGroup` always cover everyone. */
export const PRESENCE_LIST_MAX = 100;

export interface PresencePayload {
  roomId: string;
  users: PublicUser[];
  count: number;
  byGroup: Partial<Record<StakeholderGroup, number>>;
}
export interface TypingPayload {
  roomId: string;
  threadId: string;
  user: PublicUser;
}

export interface ServerToClientEvents {
  'room:event': (event: RoomEvent) => void;
  presence: (payload: PresencePayload) => void;
  typing: (payload: TypingPayload) => void;
  /** The access token expired or the session was revoked: refresh, then reconnect. */
  'session:expired': () => void;
  /** Events may have been missed (another instance could not reach this one): `room:join` again with the last seq. */
  'rooms:resync': () => void;
  /** To the mentioned person's sockets. */
  mention: (payload: MentionNotice) => void;
  /** To sockets watching the rooms page (`rooms:watch`). */
  'rooms:activity': (payload: RoomActivity) => void;
}

export const presenceUserSchema = publicUserSchema;
