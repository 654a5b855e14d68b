import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser, PersonalDataPart, PersonalDataSections } from '@helix/api/core';
import type { PublicUser } from '@helix/contract';
import { DiscussionStore } from './discussion-store';
import { MessagesService } from './messages.service';
import { ThreadsService } from './threads.service';

/** A person's threads, messages and reactions, for their export; kept under a former name when they leave. */
@Injectable()
export class DiscussionPersonalData implements PersonalDataPart {
  constructor(
    private readonly store: DiscussionStore,
    private readonly messages: MessagesService,
    private readonly threads: ThreadsService,
  ) {}

  exportOf(userId: string): PersonalDataSections {
    const { started, written, reacted } = this.store.touchedBy(userId);
    return {
      threads: started.map((record) => ({
        id: record._id.toHexString(),
        roomId: record.roomId,
        title: record.title,
        createdAt: record.createdAt.toISOString(),
      })),
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
    const { started, written } = this.store.touchedBy(person.id);
    for (const record of started)
      await this.threads.setCreator(person, record.roomId, record._id.toHexString(), former);
    for (const record of written) await this.messages.setAuthor(person, record._id.toHexString(), former);
  }
}
