import type { NextStatement } from '@helix/contract';
import { getRoomSync } from '@helix/web/data-access';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { statementKeys } from './statements-api';

/**
 * Follows the room while a statements screen is open. A statement waiting for review refreshes the queue
 * (only moderators receive its notice as more than an id); an approved one refreshes the card of someone who
 * has voted on everything. Vote counts arrive as `statement.updated` several times a second in a busy room,
 * so a card with a statement on it is left alone: fetching it again on every vote would cost a hall of
 * phones thousands of requests a second.
 */
export function useStatementsLive(roomId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!roomId) return undefined;
    const sync = getRoomSync();
    const leave = sync.join(roomId);
    const off = sync.subscribe((event) => {
      if (event.roomId !== roomId) return;
      if (event.type === 'statement.pending')
        void queryClient.invalidateQueries({ queryKey: statementKeys.list(roomId) });
      if (event.type !== 'statement.updated') return;
      const next = queryClient.getQueryData<NextStatement>(statementKeys.next(roomId));
      if (next && !next.statement)
        void queryClient.invalidateQueries({ queryKey: statementKeys.next(roomId) });
    });
    const offSynced = sync.onSynced((syncedRoomId, { fresh }) => {
      // Without an earlier seq the events before the join are unknown: fetch everything again.
      if (syncedRoomId === roomId && fresh)
        void queryClient.invalidateQueries({ queryKey: statementKeys.all(roomId) });
    });
    return () => {
      off();
      offSynced();
      leave();
    };
  }, [queryClient, roomId]);
}
