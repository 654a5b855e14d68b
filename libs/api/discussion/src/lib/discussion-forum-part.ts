import { Injectable } from '@nestjs/common';
import type { ForumDocumentIds, ForumPart, ForumPartStats, ForumScope } from '@helix/api/forums';
import { isSystemAuthor, type StakeholderGroup } from '@helix/contract';
import { DiscussionStore } from './discussion-store';

/** What the discussion contributes to a forum's numbers: threads, messages, and who wrote. */
@Injectable()
export class DiscussionForumPart implements ForumPart {
  constructor(private readonly store: DiscussionStore) {}

  stats(forum: ForumScope): ForumPartStats {
    const participants = new Map<string, StakeholderGroup>();
    let threads = 0;
    let messages = 0;
    for (const roomId of forum.roomIds) {
      threads += this.store.threadsOf(roomId).length;
      for (const message of this.store.page(roomId, undefined, undefined, Number.MAX_SAFE_INTEGER).items) {
        // What Helix posted (a poll's result) is nobody's taking part.
        if (message.deleted || isSystemAuthor(message.author)) continue;
        messages += 1;
        participants.set(message.author.id, message.author.stakeholderGroup);
      }
    }
    return { counts: { threads, messages }, participants };
  }

  documents(forum: ForumScope): ForumDocumentIds {
    const rooms = [...forum.roomIds].map((roomId) => this.store.idsOf(roomId));
    return {
      threads: rooms.flatMap((room) => room.threads),
      messages: rooms.flatMap((room) => room.messages),
    };
  }

  async imported(documents: ForumDocumentIds): Promise<void> {
    for (const id of documents['threads'] ?? [])
      await this.store.reload(String(id), { type: 'thread.created' });
    for (const id of documents['messages'] ?? [])
      await this.store.reload(String(id), { type: 'message.created' });
  }
}
