import type { Poll } from '@helix/contract';
import { getRoomSync, isModerator, useCurrentUser } from '@helix/web/data-access';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { applyPollEvent } from '../api/poll-cache';
import { pollKeys } from '../api/query-keys';

/**
 * The one place where live room events reach the polls cache: `poll.created` when a poll opens,
 * `poll.updated` with live and final results, `poll.draft` for moderators. Mount once wherever polls are shown live.
 */
export function usePollsLive(): void {
  const queryClient = useQueryClient();
  const seesDrafts = isModerator(useCurrentUser().data);
  useEffect(() => {
    const sync = getRoomSync();
    const offEvents = sync.subscribe((event) => applyPollEvent(queryClient, event, seesDrafts));
    const offSynced = sync.onSynced((roomId, { fresh }) => {
      // Without an earlier seq the events before the join are unknown: reload the room's polls.
      if (!fresh) return;
      void queryClient.invalidateQueries({ queryKey: pollKeys.list(roomId) });
      void queryClient.invalidateQueries({
        queryKey: pollKeys.all(),
        predicate: (query) => (query.state.data as Poll | undefined)?.roomId === roomId,
      });
    });
    return () => {
      offEvents();
      offSynced();
    };
  }, [queryClient, seesDrafts]);
}

/** Keeps the room joined (live events) while the component is mounted. */
export function useRoomJoined(roomId: string | undefined): void {
  useEffect(() => (roomId ? getRoomSync().join(roomId) : undefined), [roomId]);
}
