import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser, PersonalDataPart, PersonalDataSections } from '@helix/api/core';
import type { PublicUser } from '@helix/contract';
import { DiscussionStore } from './discussion-store';
import { MessagesService } from './messages.service';

/** A person's messages and reactions, for their export; their messages kept under a former name when they leave. */
@Injectable()
export class DiscussionPersonalData implements PersonalDataPart {
  constructor(
    private readonly store: DiscussionStore,
    private readonly messages: MessagesService,
  ) {}

  exportOf(userId: string): PersonalDataSections {
    const { written, reacted } = this.store.touchedBy(userId);
    return {
      messages: written.map((record) => ({
        id: record._id.toHexString(),
        roomId: record.roomId,
        threadId: record.threadId,
        text: record.text,
        replyTo: record.replyTo,
        createdAt: record.createdAt.toISOString(),
        editedAt: record.editedAt?.toISOString() ?? null,
        deleted: record.deleted,
        hidden: record.hidden !== null,
      })),
      reactions: reacted.flatMap((record) =>
        Object.entries(record.reactions)
          .filter(([, who]) => who.includes(userId))
          .map(([emoji]) => ({ messageId: record._id.toHexString(), roomId: record.roomId, emoji })),
      ),
    };
  }

  async anonymise(person: AuthenticatedUser, former: PublicUser): Promise<void> {
    for (const record of this.store.touchedBy(person.id).written)
      await this.messages.setAuthor(person, record._id.toHexString(), former);
  }
}
