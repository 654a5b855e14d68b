import type { Initiative } from '@helix/contract';
import { getRoomSync } from '@helix/web/data-access';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { applyInitiativeEvent } from '../api/initiative-cache';
import { initiativeKeys } from '../api/query-keys';

/**
 * The one place where live room events reach the initiatives cache. Mount once for a signed-in
 * session; pages join the room of the initiative they show with `useInitiativeRoom`.
 */
export function useInitiativesLive(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const sync = getRoomSync();
    const offEvents = sync.subscribe((event) => applyInitiativeEvent(queryClient, event));
    const offSynced = sync.onSynced((roomId, { fresh }) => {
      // Without an earlier seq the events before the join are unknown: reload that room's initiatives.
      if (!fresh) return;
      void queryClient.invalidateQueries({
        queryKey: initiativeKeys.all(),
        predicate: (query) => {
          const data = query.state.data as Initiative | Initiative[] | undefined;
          return Array.isArray(data) ? data.some((item) => item.roomId === roomId) : data?.roomId === roomId;
        },
      });
    });
    return () => {
      offEvents();
      offSynced();
    };
  }, [queryClient]);
}

/** Keeps the initiative's room joined (live `initiative.updated` events) while mounted. */
export function useInitiativeRoom(roomId: string | null | undefined): void {
  useEffect(() => (roomId ? getRoomSync().join(roomId) : undefined), [roomId]);
}
