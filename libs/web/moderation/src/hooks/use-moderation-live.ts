import { getRoomSync } from '@helix/web/data-access';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { applyModerationEvent } from '../api/moderation-cache';
import { moderationKeys } from '../api/query-keys';

/** A burst of events (a busy Q&A) refreshes the log once. */
const LOG_REFRESH_DELAY_MS = 500;

/**
 * Keeps a room's settings and moderation log live while the console is open: joins the room and
 * applies its events through the shared room sync, as every feature's live hook does.
 */
export function useModerationLive(roomId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!roomId) return undefined;
    // Events that came while the console was closed were applied by nobody, and a fetch still running
    // from before may answer with what preceded them: cancel it and load what the server has now.
    for (const queryKey of [moderationKeys.log(roomId), moderationKeys.settings(roomId)]) {
      if (queryClient.getQueryData(queryKey)) void queryClient.invalidateQueries({ queryKey });
    }
    const sync = getRoomSync();
    const leave = sync.join(roomId);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refreshLog = () => {
      timer ??= setTimeout(() => {
        timer = null;
        void queryClient.invalidateQueries({ queryKey: moderationKeys.log(roomId) });
      }, LOG_REFRESH_DELAY_MS);
    };
    const offEvents = sync.subscribe((event) => {
      if (event.roomId === roomId && applyModerationEvent(queryClient, event)) refreshLog();
    });
    const offSynced = sync.onSynced((syncedRoomId, { fresh }) => {
      // Without an earlier seq the events before the join are unknown: reload.
      if (syncedRoomId !== roomId || !fresh) return;
      void queryClient.invalidateQueries({ queryKey: moderationKeys.settings(roomId) });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.log(roomId) });
    });
    return () => {
      if (timer) clearTimeout(timer);
      offEvents();
      offSynced();
      leave();
      // Nobody applies this room's events any more: fetch again when next shown.
      void queryClient.invalidateQueries({ queryKey: moderationKeys.log(roomId), refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.settings(roomId), refetchType: 'none' });
    };
  }, [queryClient, roomId]);
}
