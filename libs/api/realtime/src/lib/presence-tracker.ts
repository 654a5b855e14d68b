import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PRESENCE_LIST_MAX, type PresencePayload, type PublicUser } from '@helix/contract';
import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import { RoomBroadcaster } from './room-broadcaster';
import { roomChannel } from './room-channel';

interface LocalRoom {
  /** Open sockets per user: one person with three tabs is one presence that ends with the last tab. */
  users: Map<string, { user: PublicUser; sockets: number }>;
  broadcastTimer?: NodeJS.Timeout;
}

interface PresenceSync {
  instanceId: string;
  rooms: Record<string, PublicUser[]>;
}

/**
 * Presence changes are coalesced, longer in bigger rooms: in a room of 2000 every broadcast goes to
 * 2000 sockets, so 2000 joins must cost a handful of broadcasts, not 2000.
 */
const broadcastDelayMs = (members: number): number => Math.min(5_000, 250 + members * 2);
/** Instances say they are alive this often, with nothing but their id, so it costs the same in any room. */
const ALIVE_MS = 1_000;
/**
 * An instance not heard from for this long has died (SIGKILL, a crash, a lost host): the people on it leave
 * every room. Long enough that a loaded instance missing a beat or two does not make its people flicker.
 */
const SILENT_MS = 4_000;
/** Instances repeat their whole lists this often, repairing any sync that Redis lost. */
const RESYNC_EVERY_BEATS = 5;
const SYNC_EVENT = 'helix:presence';
const ALIVE_EVENT = 'helix:presence-alive';

/**
 * Who is in each room. Each instance counts its own sockets and tells the others its lists through
 * Socket.IO's server-side events (carried by the Redis adapter; a no-op on a single instance), then
 * sends the merged list to its own sockets only, so no client gets the same list twice. A dead instance
 * cannot say its people left: the others notice it has gone silent and drop them within a few seconds.
 */
@Injectable()
export class PresenceTracker implements OnApplicationShutdown {
  private readonly instanceId = randomUUID();
  private readonly local = new Map<string, LocalRoom>();
  /** Each other instance's lists, by room and instance. */
  private readonly remote = new Map<string, Map<string, PublicUser[]>>();
  /** When each other instance was last heard from. */
  private readonly lastHeard = new Map<string, number>();
  private server?: Server;
  private heartbeat?: NodeJS.Timeout;
  private beats = 0;

  constructor(private readonly broadcaster: RoomBroadcaster) {
    broadcaster.onAttach((server) => this.listen(server));
  }

  private listen(server: Server): void {
    this.server = server;
    server.on(SYNC_EVENT, (sync: PresenceSync) => this.receive(sync));
    server.on(ALIVE_EVENT, (instanceId: string) => this.heard(instanceId));
    this.heartbeat = setInterval(() => this.beat(), ALIVE_MS);
    this.heartbeat.unref();
  }

  private beat(): void {
    this.beats += 1;
    if (this.beats % RESYNC_EVERY_BEATS === 0 && this.local.size)
      this.sync(
        Object.fromEntries([...this.local.keys()].map((roomId) => [roomId, this.localUsers(roomId)])),
      );
    else this.broadcaster.toOtherInstances(ALIVE_EVENT, this.instanceId);
    this.dropSilentInstances();
  }

  private heard(instanceId: string): void {
    if (instanceId !== this.instanceId) this.lastHeard.set(instanceId, Date.now());
  }

  private dropSilentInstances(): void {
    const cutoff = Date.now() - SILENT_MS;
    for (const [instanceId, at] of this.lastHeard) {
      if (at >= cutoff) continue;
      this.lastHeard.delete(instanceId);
      for (const [roomId, lists] of this.remote) {
        const users = lists.get(instanceId);
        if (!users) continue;
        lists.delete(instanceId);
        if (!lists.size) this.remote.delete(roomId);
        if (users.length) this.emitLocally(roomId);
      }
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.heartbeat);
  }

  add(roomId: string, user: PublicUser): void {
    const room = this.localRoom(roomId);
    const entry = room.users.get(user.id);
    if (entry) entry.sockets += 1;
    else {
      room.users.set(user.id, { user, sockets: 1 });
      this.changed(roomId, room);
    }
  }

  remove(roomId: string, userId: string): void {
    const room = this.local.get(roomId);
    const entry = room?.users.get(userId);
    if (!room || !entry) return;
    entry.sockets -= 1;
    if (entry.sockets > 0) return;
    room.users.delete(userId);
    this.changed(roomId, room);
  }

  /** What clients see: everyone counted, at most PRESENCE_LIST_MAX listed by name. */
  snapshot(roomId: string): PresencePayload {
    const users = this.users(roomId);
    const byGroup: PresencePayload['byGroup'] = {};
    for (const user of users) byGroup[user.stakeholderGroup] = (byGroup[user.stakeholderGroup] ?? 0) + 1;
    return { roomId, users: users.slice(0, PRESENCE_LIST_MAX), count: users.length, byGroup };
  }

  private users(roomId: string): PublicUser[] {
    const merged = new Map(this.localUsers(roomId).map((user) => [user.id, user]));
    for (const users of this.remote.get(roomId)?.values() ?? [])
      for (const user of users) merged.set(user.id, user);
    return [...merged.values()];
  }

  private localUsers(roomId: string): PublicUser[] {
    return [...(this.local.get(roomId)?.users.values() ?? [])].map((entry) => entry.user);
  }

  private localRoom(roomId: string): LocalRoom {
    let room = this.local.get(roomId);
    if (!room) {
      room = { users: new Map() };
      this.local.set(roomId, room);
    }
    return room;
  }

  private changed(roomId: string, room: LocalRoom): void {
    if (room.broadcastTimer) return;
    room.broadcastTimer = setTimeout(() => {
      room.broadcastTimer = undefined;
      this.sync({ [roomId]: this.localUsers(roomId) });
      this.emitLocally(roomId);
      if (!room.users.size) this.local.delete(roomId);
    }, broadcastDelayMs(room.users.size));
    room.broadcastTimer.unref();
  }

  private receive(sync: PresenceSync): void {
    if (sync.instanceId === this.instanceId) return;
    this.heard(sync.instanceId);
    for (const [roomId, users] of Object.entries(sync.rooms)) {
      let lists = this.remote.get(roomId);
      if (!lists) {
        lists = new Map();
        this.remote.set(roomId, lists);
      }
      const before = JSON.stringify(lists.get(sync.instanceId) ?? []);
      lists.set(sync.instanceId, users);
      if (JSON.stringify(users) !== before) this.emitLocally(roomId);
    }
  }

  private sync(rooms: Record<string, PublicUser[]>): void {
    if (Object.keys(rooms).length) {
      this.broadcaster.toOtherInstances(SYNC_EVENT, {
        instanceId: this.instanceId,
        rooms,
      } satisfies PresenceSync);
    }
  }

  private emitLocally(roomId: string): void {
    this.server?.local.to(roomChannel(roomId)).emit('presence', this.snapshot(roomId));
  }
}
