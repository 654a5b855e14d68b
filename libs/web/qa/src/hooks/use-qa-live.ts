import type { User } from '@helix/contract';
import { getRoomSync, isModerator, meQueryKey } from '@helix/web/data-access';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { applyQaEvent } from '../api/question-cache';
import { qaKeys } from '../api/query-keys';

interface Subscription {
  refs: number;
  stop: () => void;
}

const subscriptions = new WeakMap<QueryClient, Map<string, Subscription>>();

function start(queryClient: QueryClient, roomId: string): () => void {
  const leave = getRoomSync().join(roomId);
  const sync = getRoomSync();
  const offEvents = sync.subscribe((event) => {
    if (event.roomId !== roomId) return;
    const user = queryClient.getQueryData<User>(meQueryKey);
    applyQaEvent(queryClient, event, { moderator: isModerator(user) });
  });
  const offSynced = sync.onSynced((syncedRoomId, { fresh }) => {
    // Without an earlier seq the events before the join are unknown: reload.
    if (syncedRoomId !== roomId || !fresh) return;
    void queryClient.invalidateQueries({ queryKey: qaKeys.questions(roomId) });
    void queryClient.invalidateQueries({ queryKey: qaKeys.settings(roomId) });
  });
  return () => {
    offEvents();
    offSynced();
    leave();
    // Nobody applies this room's events any more: what is cached is fetched again when next shown.
    void queryClient.invalidateQueries({ queryKey: qaKeys.questions(roomId), refetchType: 'none' });
    void queryClient.invalidateQueries({ queryKey: qaKeys.settings(roomId), refetchType: 'none' });
  };
}

/**
 * Keeps a room's questions and settings live while any Q&A component of that room is mounted: joins
 * the room and applies its events once, however many components ask for it.
 */
export function useQaLive(roomId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!roomId) return undefined;
    let rooms = subscriptions.get(queryClient);
    if (!rooms) {
      rooms = new Map();
      subscriptions.set(queryClient, rooms);
    }
    const byRoom = rooms;
    let subscription = byRoom.get(roomId);
    if (!subscription) {
      subscription = { refs: 0, stop: start(queryClient, roomId) };
      byRoom.set(roomId, subscription);
    }
    subscription.refs += 1;
    const current = subscription;
    return () => {
      current.refs -= 1;
      if (current.refs > 0) return;
      byRoom.delete(roomId);
      current.stop();
    };
  }, [queryClient, roomId]);
}
