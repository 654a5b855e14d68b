import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@helix/api/core';
import type { Server } from 'socket.io';
import { RoomBroadcaster } from './room-broadcaster';
import type { HelixSocket } from './socket-session';

/** What of a person their sockets carry and the account may change: who they are and what they may do. */
export type SocketProfile = Pick<
  AuthenticatedUser,
  'displayName' | 'organization' | 'stakeholderGroup' | 'roles' | 'moderatedRoomIds'
>;

/**
 * This instance's live sockets by session and person. The accounts feature tells every instance of an ended
 * session or a changed account; here the sockets follow at once rather than when their access token expires.
 */
@Injectable()
export class SessionSockets {
  private server?: Server;

  constructor(broadcaster: RoomBroadcaster) {
    broadcaster.onAttach((server) => (this.server = server));
  }

  /** The session's sockets on this instance are told and closed. */
  end(sessionId: string): void {
    for (const socket of this.sockets()) {
      if (socket.data.user?.sessionId !== sessionId) continue;
      socket.emit('session:expired');
      socket.disconnect(true);
    }
  }

  /** The person's sockets on this instance act with their account as it is now; none when it is gone. */
  update(userId: string, profile: SocketProfile | null): void {
    for (const socket of this.sockets()) {
      if (socket.data.user?.id !== userId) continue;
      if (profile) socket.data.user = { ...socket.data.user, ...profile };
      else {
        socket.emit('session:expired');
        socket.disconnect(true);
      }
    }
  }

  private sockets(): Iterable<HelixSocket> {
    return (this.server?.sockets.sockets.values() ?? []) as Iterable<HelixSocket>;
  }
}
