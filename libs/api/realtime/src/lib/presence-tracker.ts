import { Injectable } from '@nestjs/common';
import type { PublicUser } from '@helix/contract';
import { roomChannel } from './room-channel';
import { RoomBroadcaster } from './room-broadcaster';

interface RoomPresence {
  /** Open sockets per user: one person with three tabs is one presence that ends with the last tab. */
  sockets: Map<string, { user: PublicUser; count: number }>;
  broadcastTimer?: NodeJS.Timeout;
}

/** Coalesces presence broadcasts so 2000 joins cost a few messages, not 2000 full lists. */
const PRESENCE_BROADCAST_DELAY_MS = 250;

@Injectable()
export class PresenceTracker {
  private readonly rooms = new Map<string, RoomPresence>();

  constructor(private readonly broadcaster: RoomBroadcaster) {}

  add(roomId: string, user: PublicUser): void {
    const room = this.room(roomId);
    const entry = room.sockets.get(user.id);
    if (entry) entry.count += 1;
    else room.sockets.set(user.id, { user, count: 1 });
    if (!entry) this.scheduleBroadcast(roomId, room);
  }

  remove(roomId: string, userId: string): void {
    const room = this.rooms.get(roomId);
    const entry = room?.sockets.get(userId);
    if (!room || !entry) return;
    entry.count -= 1;
    if (entry.count > 0) return;
    room.sockets.delete(userId);
    this.scheduleBroadcast(roomId, room);
  }

  users(roomId: string): PublicUser[] {
    return [...(this.rooms.get(roomId)?.sockets.values() ?? [])].map((entry) => entry.user);
  }

  private room(roomId: string): RoomPresence {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = { sockets: new Map() };
      this.rooms.set(roomId, room);
    }
    return room;
  }

  private scheduleBroadcast(roomId: string, room: RoomPresence): void {
    if (room.broadcastTimer) return;
    room.broadcastTimer = setTimeout(() => {
      room.broadcastTimer = undefined;
      this.broadcaster.io?.to(roomChannel(roomId)).emit('presence', { roomId, users: this.users(roomId) });
      if (!room.sockets.size) this.rooms.delete(roomId);
    }, PRESENCE_BROADCAST_DELAY_MS);
    room.broadcastTimer.unref();
  }
}
