import { getRoomSync, type PresenceByGroup } from '@helix/web/data-access';
import { useCallback, useSyncExternalStore } from 'react';

/** How many of each stakeholder group are in the room, counted by the server. */
export function usePresenceByGroup(roomId: string): PresenceByGroup {
  const sync = getRoomSync();
  const getSnapshot = useCallback(() => sync.presenceByGroup(roomId), [sync, roomId]);
  return useSyncExternalStore(sync.subscribePresence, getSnapshot);
}
