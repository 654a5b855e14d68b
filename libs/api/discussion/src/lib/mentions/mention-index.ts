import { Injectable } from '@nestjs/common';
import type { RoomUnread } from '@helix/contract';
import { UNREAD_COUNT_MAX } from '@helix/contract';
import { DiscussionStore, type MessageState } from '../discussion-store';

/** Told when a message newly mentions a person, live (never at boot). */
export type MentionListener = (userId: string, state: MessageState) => void;

/** A message people can still read: a hidden or deleted one is neither listed nor counted. */
const readable = (state: MessageState): boolean => !state.record.deleted && !state.record.hidden;

/**
 * Each person's mentions, newest last, derived from the messages in memory (DiscussionStore tells every
 * state it takes in), so the mentions list and the unread counts need neither a collection nor a query.
 */
@Injectable()
export class MentionIndex {
  private readonly byUser = new Map<string, string[]>();
  private readonly listeners: MentionListener[] = [];

  constructor(private readonly store: DiscussionStore) {
    store.onMessage((state, previous, live) => this.apply(state, previous, live));
  }

  onMention(listener: MentionListener): void {
    this.listeners.push(listener);
  }

  /** The person's readable mentions in threads that still exist, newest first, after the `before` one. */
  page(
    userId: string,
    before: string | undefined,
    limit: number,
  ): { items: MessageState[]; hasMore: boolean } {
    const ids = this.byUser.get(userId) ?? [];
    let end = before === undefined ? ids.length : ids.lastIndexOf(before);
    if (end < 0) end = ids.length;
    const items: MessageState[] = [];
    for (let at = end - 1; at >= 0; at -= 1) {
      const state = this.visible(ids[at]);
      if (!state) continue;
      if (items.length === limit) return { items, hasMore: true };
      items.push(state);
    }
    return { items, hasMore: false };
  }

  /** Unread messages by others per room after each room's read seq, and how many of them mention the person. */
  unread(userId: string, roomIds: readonly string[], readSeq: (roomId: string) => number): RoomUnread[] {
    const mentions = new Map<string, number>();
    for (const id of this.byUser.get(userId) ?? []) {
      const state = this.visible(id);
      if (!state || state.record.seq <= readSeq(state.record.roomId)) continue;
      mentions.set(
        state.record.roomId,
        Math.min(UNREAD_COUNT_MAX, (mentions.get(state.record.roomId) ?? 0) + 1),
      );
    }
    return roomIds.map((roomId) => {
      const seq = readSeq(roomId);
      const messages = this.store.messagesOf(roomId);
      let unread = 0;
      for (let at = messages.length - 1; at >= 0 && unread < UNREAD_COUNT_MAX; at -= 1) {
        const { record } = messages[at];
        if (record.seq <= seq) break;
        if (record.authorId !== userId && readable(messages[at])) unread += 1;
      }
      return { roomId, unread, mentions: mentions.get(roomId) ?? 0 };
    });
  }

  private visible(id: string): MessageState | undefined {
    const state = this.store.message(id);
    if (!state || !readable(state)) return undefined;
    return this.store.thread(state.record.roomId, state.record.threadId) ? state : undefined;
  }

  private apply(state: MessageState, previous: MessageState | undefined, live: boolean): void {
    const before = new Set(previous?.record.mentions ?? []);
    const now = new Set(state.record.mentions.filter((userId) => userId !== state.record.authorId));
    for (const userId of before) {
      if (now.has(userId)) continue;
      const ids = this.byUser.get(userId) ?? [];
      const at = ids.indexOf(state.view.id);
      if (at >= 0) ids.splice(at, 1);
    }
    for (const userId of now) {
      if (before.has(userId)) continue;
      this.insert(userId, state);
      if (live) for (const listener of this.listeners) listener(userId, state);
    }
  }

  /** In order of creation: at boot messages arrive room by room, live ones almost always at the end. */
  private insert(userId: string, state: MessageState): void {
    let ids = this.byUser.get(userId);
    if (!ids) {
      ids = [];
      this.byUser.set(userId, ids);
    }
    const createdAt = state.record.createdAt.getTime();
    let at = ids.length;
    while (at > 0 && (this.store.message(ids[at - 1])?.record.createdAt.getTime() ?? 0) > createdAt) at -= 1;
    ids.splice(at, 0, state.view.id);
  }
}
