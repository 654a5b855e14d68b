import type { Message } from '@helix/contract';
import { getOutbox, getRoomSync, useCurrentUser } from '@helix/web/data-access';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { applyRoomEvent, upsertMessage } from '../api/room-event-cache';
import { discussionKeys } from '../api/query-keys';
import { unreadStore } from '../stores/unread-store';

/**
 * The one place where live room events reach the discussion's query cache and unread counts.
 * Mount once for a signed-in session.
 */
export function useDiscussionLive(): void {
  const queryClient = useQueryClient();
  const { data: user } = useCurrentUser();
  const userIdRef = useRef<string | undefined>(user?.id);
  useEffect(() => {
    userIdRef.current = user?.id;
    if (user?.id) unreadStore.setOwner(user.id);
  }, [user?.id]);

  useEffect(() => {
    const sync = getRoomSync();
    const offEvents = sync.subscribe((event) => {
      applyRoomEvent(queryClient, event);
      if (event.type !== 'message.created') return;
      const message = event.payload as Message;
      if (message.author.id === userIdRef.current) return;
      if (!unreadStore.isViewing(message.roomId, message.threadId)) {
        unreadStore.increment(message.roomId, message.threadId);
      }
    });
    const offSynced = sync.onSynced((roomId, { fresh }) => {
      // Without an earlier seq we cannot know what changed before the join: reload the room's data.
      if (fresh) void queryClient.invalidateQueries({ queryKey: discussionKeys.room(roomId) });
    });
    const outbox = getOutbox();
    const onOutbox = () => {
      for (const entry of outbox.list()) {
        if (entry.state === 'sent' && entry.message) {
          upsertMessage(queryClient, entry.message);
          outbox.reconcile(entry.message);
        }
      }
    };
    const offOutbox = outbox.subscribe(onOutbox);
    onOutbox();
    return () => {
      offEvents();
      offSynced();
      offOutbox();
    };
  }, [queryClient]);
}
