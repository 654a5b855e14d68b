import { Injectable } from '@nestjs/common';
import type { RoomEvent, ServerToClientEvents } from '@helix/contract';
import type { Server } from 'socket.io';
import { roomChannel } from './room-channel';

export type HelixServer = Server<Record<string, never>, ServerToClientEvents>;

/** Holds the Socket.IO server once the gateway has it, so services can emit without knowing gateways. */
@Injectable()
export class RoomBroadcaster {
  private server?: HelixServer;
  /** Set at shutdown: new socket connections are refused so they go to another instance. */
  accepting = true;

  attach(server: HelixServer): void {
    this.server = server;
  }

  get io(): HelixServer | undefined {
    return this.server;
  }

  /** Socket.IO encodes a broadcast once for all recipients, so this costs the same for 1 or 2000 members. */
  emitRoomEvent(event: RoomEvent): void {
    this.server?.to(roomChannel(event.roomId)).emit('room:event', event);
  }
}
