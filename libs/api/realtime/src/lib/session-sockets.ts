import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { RoomBroadcaster } from './room-broadcaster';
import type { HelixSocket } from './socket-session';

const END_SESSION_EVENT = 'helix:end-session';

/**
 * Ends the live sockets of a signed-out or revoked session on every instance, so a session that no
 * longer exists stops receiving room events at once rather than when its access token expires.
 */
@Injectable()
export class SessionSockets {
  private server?: Server;

  constructor(private readonly broadcaster: RoomBroadcaster) {
    broadcaster.onAttach((server) => this.listen(server));
  }

  private listen(server: Server): void {
    this.server = server;
    server.on(END_SESSION_EVENT, (sessionId: string) => this.endLocal(sessionId));
  }

  end(sessionId: string): void {
    this.endLocal(sessionId);
    this.broadcaster.toOtherInstances(END_SESSION_EVENT, sessionId);
  }

  private endLocal(sessionId: string): void {
    for (const socket of (this.server?.sockets.sockets.values() ?? []) as Iterable<HelixSocket>) {
      if (socket.data.user?.sessionId !== sessionId) continue;
      socket.emit('session:expired');
      socket.disconnect(true);
    }
  }
}
