import type { PublicUser } from '@helix/contract';
import { getRoomSync } from '@helix/web/data-access';
import { useCallback, useEffect, useSyncExternalStore } from 'react';

/** Keeps the room joined (live events, presence) while the component is mounted. */
export function useRoomMembership(roomId: string): void {
  useEffect(() => getRoomSync().join(roomId), [roomId]);
}

export function usePresence(roomId: string): PublicUser[] {
  const sync = getRoomSync();
  const getSnapshot = useCallback(() => sync.presence(roomId), [sync, roomId]);
  return useSyncExternalStore(sync.subscribePresence, getSnapshot);
}
