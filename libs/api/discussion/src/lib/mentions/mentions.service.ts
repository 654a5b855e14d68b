import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser, RequestLanguage } from '@helix/api/core';
import { RoomsService } from '@helix/api/forums';
import { RoomEventLog } from '@helix/api/realtime';
import {
  MENTION_PAGE_DEFAULT,
  type ListMentionsQuery,
  type Mention,
  type MentionPage,
  type RoomUnread,
  type UnreadSummary,
} from '@helix/contract';
import { DiscussionStore, type MessageState } from '../discussion-store';
import { MentionIndex } from './mention-index';
import { ReadMarks } from './read-marks';

/** A person's mentions and unread counts, from memory; reading a room moves their mark. */
@Injectable()
export class MentionsService {
  constructor(
    private readonly index: MentionIndex,
    private readonly marks: ReadMarks,
    private readonly store: DiscussionStore,
    private readonly rooms: RoomsService,
    private readonly log: RoomEventLog,
  ) {}

  page(user: AuthenticatedUser, query: ListMentionsQuery, language: RequestLanguage): MentionPage {
    const limit = Number(query.limit ?? MENTION_PAGE_DEFAULT);
    const { items, hasMore } = this.index.page(user.id, query.before, limit);
    return { items: items.map((state) => this.mention(user.id, state, language)), hasMore };
  }

  /** Every room of the live forum the person may see. */
  unread(user: AuthenticatedUser, language: RequestLanguage): UnreadSummary {
    const roomIds = this.rooms.list(user, {}, language).map((room) => room.id);
    const rooms = this.index.unread(user.id, roomIds, (roomId) => this.marks.seq(user.id, roomId));
    return { rooms, mentions: rooms.reduce((sum, room) => sum + room.mentions, 0) };
  }

  /** The reader saw the room up to `seq` (never past its newest event). */
  async markRead(user: AuthenticatedUser, roomId: string, seq: number): Promise<RoomUnread> {
    await this.rooms.get(roomId);
    this.marks.mark(user.id, roomId, Math.min(seq, this.log.lastSeq(roomId)));
    const [room] = this.index.unread(user.id, [roomId], (id) => this.marks.seq(user.id, id));
    return room;
  }

  mention(userId: string, state: MessageState, language: RequestLanguage): Mention {
    const { roomId, threadId, seq } = state.record;
    return {
      id: state.view.id,
      message: state.view,
      roomTitle: this.rooms.view(roomId, language).title,
      threadTitle: this.store.thread(roomId, threadId)?.title ?? '',
      link: `/rooms/${roomId}/threads/${threadId}?message=${state.view.id}`,
      unread: seq > this.marks.seq(userId, roomId),
    };
  }
}
