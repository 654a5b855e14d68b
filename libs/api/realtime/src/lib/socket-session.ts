import type { AuthenticatedUser } from '@helix/api/core';
import type { ClientToServerEvents, ServerToClientEvents } from '@helix/contract';
import type { Socket } from 'socket.io';

export interface SocketData {
  user: AuthenticatedUser;
  joinedRooms: Set<string>;
  expiryTimer?: NodeJS.Timeout;
}

export type HelixSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** Disconnects the socket when its access token expires, so an ended session stops receiving events. */
export function scheduleSessionExpiry(socket: HelixSocket): void {
  clearTimeout(socket.data.expiryTimer);
  const remainingMs = socket.data.user.expiresAt * 1000 - Date.now();
  socket.data.expiryTimer = setTimeout(
    () => {
      socket.emit('session:expired');
      socket.disconnect(true);
    },
    Math.max(0, Math.min(remainingMs, 2 ** 31 - 1)),
  );
  socket.data.expiryTimer.unref();
}
