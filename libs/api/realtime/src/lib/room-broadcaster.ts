import { Injectable } from '@nestjs/common';
import type { RoomEvent, ServerToClientEvents } from '@helix/contract';
import type { Server } from 'socket.io';
import { ROOM_CHANNEL_PREFIX, roomChannel } from './room-channel';

export type HelixServer = Server<Record<string, never>, ServerToClientEvents>;

/** Holds the Socket.IO server once the gateway has it, so services can emit without knowing gateways. */
@Injectable()
export class RoomBroadcaster {
  private server?: HelixServer;
  /** Cleared at shutdown: new sockets and new events are refused, so they go to another instance. */
  accepting = true;
  /** Set when a Redis adapter joins this instance to others. */
  clustered = false;

  private readonly attachListeners: Array<(server: Server) => void> = [];

  /** Called once by the gateway that owns the server; services that listen on it register below. */
  attach(server: HelixServer): void {
    this.server = server;
    for (const listener of this.attachListeners) listener(server as unknown as Server);
  }

  onAttach(listener: (server: Server) => void): void {
    this.attachListeners.push(listener);
    if (this.server) listener(this.server as unknown as Server);
  }

  get io(): HelixServer | undefined {
    return this.server;
  }

  /** A server-side event for the other instances; nothing to do on a single instance. */
  toOtherInstances(event: string, payload: unknown): void {
    if (!this.clustered) return;
    try {
      this.server?.serverSideEmit(event as never, payload as never);
    } catch {
      // Redis away: the room log's probe finds what was missed, and ended sessions also expire with their tokens.
    }
  }

  /**
   * To this instance's members of the room only: every instance applies each event to its read models and
   * then sends it to its own sockets, in order (see RoomEventLog). Socket.IO encodes a broadcast once for
   * all recipients, so this costs the same for 1 or 2000 members.
   */
  emitRoomEvent(event: RoomEvent): void {
    this.server?.local.to(roomChannel(event.roomId)).emit('room:event', event);
  }

  /** Rooms that sockets of this instance have joined. */
  joinedRoomIds(): string[] {
    const channels = this.server?.of('/').adapter.rooms.keys() ?? [];
    return [...channels]
      .filter((channel) => channel.startsWith(ROOM_CHANNEL_PREFIX))
      .map((channel) => channel.slice(ROOM_CHANNEL_PREFIX.length));
  }
}
