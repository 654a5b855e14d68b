import type { PublicUser } from '@helix/contract';
import { getOutbox, type OutboxEntry } from '@helix/web/data-access';
import { useCallback, useSyncExternalStore } from 'react';

/** Sending goes through the outbox: shown at once, delivered when the connection allows. */
export function useSendMessage(roomId: string, threadId: string) {
  return useCallback(
    (text: string, author: PublicUser, replyTo?: string | null) =>
      getOutbox().send({
        roomId,
        threadId,
        text,
        replyTo,
        // Only the public part of the profile goes into the (persisted) outbox.
        author: {
          id: author.id,
          displayName: author.displayName,
          organization: author.organization,
          stakeholderGroup: author.stakeholderGroup,
        },
      }),
    [roomId, threadId],
  );
}

export function useOutboxEntries(threadId: string): OutboxEntry[] {
  const outbox = getOutbox();
  const all = useSyncExternalStore(outbox.subscribe, () => outbox.list());
  return all.filter((entry) => entry.threadId === threadId);
}
