import { getRoomSync, type PresenceByGroup } from '@helix/web/data-access';
import { useCallback, useSyncExternalStore } from 'react';

/** Everyone in the room, including those a big room does not list by name. */
export function usePresenceCount(roomId: string): number {
  const sync = getRoomSync();
  const getSnapshot = useCallback(() => sync.presenceCount(roomId), [sync, roomId]);
  return useSyncExternalStore(sync.subscribePresence, getSnapshot);
}

export function usePresenceByGroup(roomId: string): PresenceByGroup {
  const sync = getRoomSync();
  const getSnapshot = useCallback(() => sync.presenceByGroup(roomId), [sync, roomId]);
  return useSyncExternalStore(sync.subscribePresence, getSnapshot);
}
