import { useCallback, useSyncExternalStore } from 'react';
import { getRoomSync } from './socket-client';

/** Everyone in the room, including those a big room does not list by name. */
export function usePresenceCount(roomId: string): number {
  const sync = getRoomSync();
  const getSnapshot = useCallback(() => sync.presenceCount(roomId), [sync, roomId]);
  return useSyncExternalStore(sync.subscribePresence, getSnapshot);
}
