import type {
  Ack,
  AckCallback,
  AckError,
  PresencePayload,
  PublicUser,
  RoomEvent,
  RoomJoinAck,
  RoomJoinRequest,
} from '@helix/contract';
import { isRetryable, retryDelay, type Backoff } from './retry';

/** The part of the Socket.IO client the engine needs; tests drive it with a fake. */
export interface RoomSyncSocket {
  readonly connected: boolean;
  on(event: 'connect' | 'rooms:resync', listener: () => void): unknown;
  on(event: 'room:event', listener: (event: RoomEvent) => void): unknown;
  on(event: 'presence', listener: (payload: PresencePayload) => void): unknown;
  off(event: 'connect' | 'rooms:resync', listener: () => void): unknown;
  off(event: 'room:event', listener: (event: RoomEvent) => void): unknown;
  off(event: 'presence', listener: (payload: PresencePayload) => void): unknown;
  emit(event: 'room:join', payload: RoomJoinRequest, ack: AckCallback<RoomJoinAck>): unknown;
  emit(event: 'room:leave', payload: { roomId: string }, ack: AckCallback): unknown;
}

export type RoomEventListener = (event: RoomEvent) => void;

/** Told after each successful join; `fresh` means there was no earlier seq, so cached data may be behind. */
export type RoomSyncedListener = (roomId: string, info: { fresh: boolean; seq: number }) => void;

export interface RoomSyncOptions {
  /** Where the last applied seq per room is kept between page loads (optional). */
  loadSeq?: (roomId: string) => number | null;
  saveSeq?: (roomId: string, seq: number) => void;
  /** A join the server refused for good (no such room, not allowed): the room is not followed. */
  onJoinError?: (roomId: string, error: AckError['error']) => void;
}

/**
 * With several API instances, a room's events can reach a client out of order (one came through Redis,
 * the next straight from the instance it is connected to). A gap waits this long for the missing event to
 * arrive live before asking the server again, so a reordering does not make a hall re-join at once.
 */
export const GAP_GRACE_MS = 500;

/**
 * `rooms:resync` reaches every client of an instance in the same instant; each waits a random part of
 * this before re-joining its rooms, so the instance is not asked for every room's replay at once.
 */
export const RESYNC_SPREAD_MS = 3_000;

/** A join unanswered this long counts as failed and is retried, like a busy server's refusal. */
export const JOIN_ACK_TIMEOUT_MS = 10_000;

export const JOIN_RETRY: Backoff = { baseMs: 1_000, maxMs: 30_000 };

interface RoomState {
  refs: number;
  lastSeq: number | null;
  /** Events that arrived ahead of a gap, by seq. */
  buffer: Map<number, RoomEvent>;
  joining: boolean;
  /** Numbers each join sent, so that an answer to an abandoned one is ignored. */
  joinAttempt: number;
  /** Another join was asked for while one was in flight. */
  joinAgain: boolean;
  /** Retryable join failures in a row, for the backoff. */
  joinFailures: number;
  joinTimeout: ReturnType<typeof setTimeout> | null;
  retryTimer: ReturnType<typeof setTimeout> | null;
  /** Running while a gap waits for its missing events to arrive live. */
  gapTimer: ReturnType<typeof setTimeout> | null;
  presence: PublicUser[];
  /** Everyone present; the server lists at most PRESENCE_LIST_MAX of them by name. */
  presenceCount: number;
  presenceByGroup: PresenceByGroup;
}

export type PresenceByGroup = PresencePayload['byGroup'];

/** The join ack lists people but does not count groups: count those listed until a presence update says. */
function countGroups(users: readonly PublicUser[]): PresenceByGroup {
  const byGroup: PresenceByGroup = {};
  for (const user of users) byGroup[user.stakeholderGroup] = (byGroup[user.stakeholderGroup] ?? 0) + 1;
  return byGroup;
}

/**
 * Keeps each joined room's events gap-free and in seq order: joins (again) with the last seq it
 * applied on every connect, applies replayed then live events exactly once, and re-joins to fill
 * any gap that live events do not fill by themselves. A join the server could not serve (busy, away,
 * unanswered) is retried with a growing, jittered wait; a refused one is reported.
 */
export class RoomSync {
  private readonly rooms = new Map<string, RoomState>();
  private readonly eventListeners = new Set<RoomEventListener>();
  private readonly syncedListeners = new Set<RoomSyncedListener>();
  private readonly presenceListeners = new Set<() => void>();
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly socket: RoomSyncSocket,
    private readonly options: RoomSyncOptions = {},
  ) {
    socket.on('connect', this.handleConnect);
    socket.on('room:event', this.handleLiveEvent);
    socket.on('presence', this.handlePresence);
    socket.on('rooms:resync', this.handleResync);
  }

  dispose(): void {
    this.socket.off('connect', this.handleConnect);
    this.socket.off('room:event', this.handleLiveEvent);
    this.socket.off('presence', this.handlePresence);
    this.socket.off('rooms:resync', this.handleResync);
    this.clearResync();
    for (const room of this.rooms.values()) stopTimers(room);
    this.rooms.clear();
  }

  /** Joins a room (reference-counted); returns the matching leave. */
  join(roomId: string): () => void {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = this.newRoom(roomId);
      this.rooms.set(roomId, room);
    }
    room.refs += 1;
    if (room.refs === 1) this.requestJoin(roomId);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.leave(roomId);
    };
  }

  lastSeq(roomId: string): number | null {
    return this.rooms.get(roomId)?.lastSeq ?? null;
  }

  presence(roomId: string): PublicUser[] {
    return this.rooms.get(roomId)?.presence ?? EMPTY;
  }

  presenceCount(roomId: string): number {
    return this.rooms.get(roomId)?.presenceCount ?? 0;
  }

  /** Everyone present per stakeholder group (a stable object until presence changes). */
  presenceByGroup(roomId: string): PresenceByGroup {
    return this.rooms.get(roomId)?.presenceByGroup ?? EMPTY_GROUPS;
  }

  subscribe(listener: RoomEventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onSynced(listener: RoomSyncedListener): () => void {
    this.syncedListeners.add(listener);
    return () => this.syncedListeners.delete(listener);
  }

  subscribePresence = (listener: () => void): (() => void) => {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  };

  private newRoom(roomId: string): RoomState {
    return {
      refs: 0,
      lastSeq: this.options.loadSeq?.(roomId) ?? null,
      buffer: new Map(),
      joining: false,
      joinAttempt: 0,
      joinAgain: false,
      joinFailures: 0,
      joinTimeout: null,
      retryTimer: null,
      gapTimer: null,
      presence: EMPTY,
      presenceCount: 0,
      presenceByGroup: EMPTY_GROUPS,
    };
  }

  private leave(roomId: string): void {
    const room = this.rooms.get(roomId);
    if (!room || room.refs === 0) return;
    room.refs -= 1;
    if (room.refs > 0) return;
    // The room stays known with its lastSeq, so coming back replays what happened meanwhile.
    stopTimers(room);
    room.joining = false;
    room.buffer.clear();
    room.presence = EMPTY;
    room.presenceCount = 0;
    room.presenceByGroup = EMPTY_GROUPS;
    this.emitPresence();
    if (this.socket.connected) this.socket.emit('room:leave', { roomId }, noop);
  }

  /** A new connection: answers to joins sent on the old one will never come, so every room joins afresh. */
  private readonly handleConnect = (): void => {
    this.clearResync();
    for (const [roomId, room] of this.rooms) {
      stopTimers(room);
      room.joining = false;
      room.joinAgain = false;
      room.joinFailures = 0;
      if (room.refs > 0) this.requestJoin(roomId);
    }
  };

  /** The server lost contact with other instances for a while: ask every room again from its last seq. */
  private readonly handleResync = (): void => {
    if (this.resyncTimer) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      for (const [roomId, room] of this.rooms) if (room.refs > 0) this.requestJoin(roomId);
    }, Math.random() * RESYNC_SPREAD_MS);
  };

  private clearResync(): void {
    if (this.resyncTimer) clearTimeout(this.resyncTimer);
    this.resyncTimer = null;
  }

  private requestJoin(roomId: string): void {
    const room = this.rooms.get(roomId);
    if (!room || room.refs === 0 || !this.socket.connected) return;
    if (room.joining) {
      room.joinAgain = true;
      return;
    }
    stopTimers(room);
    room.joining = true;
    room.joinAgain = false;
    const attempt = ++room.joinAttempt;
    const sinceSeq = room.lastSeq;
    const payload: RoomJoinRequest = sinceSeq === null ? { roomId } : { roomId, sinceSeq };
    room.joinTimeout = setTimeout(
      () => this.handleJoinAck(roomId, room, attempt, sinceSeq, null),
      JOIN_ACK_TIMEOUT_MS,
    );
    this.socket.emit('room:join', payload, (ack) => this.handleJoinAck(roomId, room, attempt, sinceSeq, ack));
  }

  /** `ack` is null when the answer did not come in time. */
  private handleJoinAck(
    roomId: string,
    room: RoomState,
    attempt: number,
    sinceSeq: number | null,
    ack: Ack<RoomJoinAck> | null,
  ): void {
    if (this.rooms.get(roomId) !== room || !room.joining || room.joinAttempt !== attempt) return;
    room.joining = false;
    if (room.joinTimeout) clearTimeout(room.joinTimeout);
    room.joinTimeout = null;
    if (!ack?.ok) {
      if (ack && !isRetryable(ack.error)) {
        room.joinFailures = 0;
        this.options.onJoinError?.(roomId, ack.error);
      } else this.retryJoin(roomId, room);
      return;
    }
    room.joinFailures = 0;
    room.presence = ack.presence;
    room.presenceCount = ack.presenceCount ?? ack.presence.length;
    room.presenceByGroup = ack.presenceByGroup ?? countGroups(ack.presence);
    this.emitPresence();
    const fresh = room.lastSeq === null;
    if (fresh) {
      room.lastSeq = ack.missed.length ? ack.missed[0].seq - 1 : ack.seq;
      this.saveSeq(roomId, room);
    }
    for (const event of ack.missed) this.accept(roomId, room, event);
    const progressed = room.lastSeq !== sinceSeq;
    if (ack.hasMore || room.joinAgain) {
      this.requestJoin(roomId);
      return;
    }
    if (room.buffer.size > 0 && !this.drain(roomId, room)) {
      if (progressed) this.awaitGap(roomId, room);
      else this.skipGap(roomId, room);
    }
    for (const listener of [...this.syncedListeners])
      listener(roomId, { fresh, seq: room.lastSeq ?? ack.seq });
  }

  private readonly handleLiveEvent = (event: RoomEvent): void => {
    const room = this.rooms.get(event.roomId);
    if (!room || room.refs === 0) return;
    if (room.joining || room.lastSeq === null) {
      // Until the join answers we do not know where we stand: hold the event.
      if (room.lastSeq === null || event.seq > room.lastSeq) room.buffer.set(event.seq, event);
      return;
    }
    this.accept(event.roomId, room, event);
    if (room.buffer.size > 0 && !this.drain(event.roomId, room)) this.awaitGap(event.roomId, room);
    else if (room.gapTimer) {
      clearTimeout(room.gapTimer);
      room.gapTimer = null;
    }
  };

  private retryJoin(roomId: string, room: RoomState): void {
    const delay = retryDelay(room.joinFailures, JOIN_RETRY);
    room.joinFailures += 1;
    room.retryTimer = setTimeout(() => {
      room.retryTimer = null;
      this.requestJoin(roomId);
    }, delay);
  }

  /** Gives events held up on another path a moment to arrive before asking the server to fill the gap. */
  private awaitGap(roomId: string, room: RoomState): void {
    // A join retry is already due: it fills the gap without cutting its backoff short.
    if (room.retryTimer) return;
    room.gapTimer ??= setTimeout(() => {
      room.gapTimer = null;
      if (room.buffer.size > 0 && !this.drain(roomId, room)) this.requestJoin(roomId);
    }, GAP_GRACE_MS);
  }

  /** Applies the event if it is the next one, buffers it if it is ahead, ignores it if already seen. */
  private accept(roomId: string, room: RoomState, event: RoomEvent): void {
    const lastSeq = room.lastSeq ?? event.seq - 1;
    if (event.seq <= lastSeq) return;
    if (event.seq > lastSeq + 1) {
      room.buffer.set(event.seq, event);
      return;
    }
    this.apply(roomId, room, event);
    this.drain(roomId, room);
  }

  /** Applies buffered events that are now next in line; true when no gap remains. */
  private drain(roomId: string, room: RoomState): boolean {
    for (const seq of [...room.buffer.keys()])
      if (room.lastSeq !== null && seq <= room.lastSeq) room.buffer.delete(seq);
    let next = room.lastSeq === null ? undefined : room.buffer.get(room.lastSeq + 1);
    while (next) {
      room.buffer.delete(next.seq);
      this.apply(roomId, room, next);
      next = room.buffer.get(next.seq + 1);
    }
    return room.buffer.size === 0;
  }

  /** The server could not fill the gap (its log no longer has those events): move past it. */
  private skipGap(roomId: string, room: RoomState): void {
    const first = Math.min(...room.buffer.keys());
    room.lastSeq = first - 1;
    this.drain(roomId, room);
  }

  private apply(roomId: string, room: RoomState, event: RoomEvent): void {
    room.lastSeq = event.seq;
    this.saveSeq(roomId, room);
    for (const listener of [...this.eventListeners]) {
      try {
        listener(event);
      } catch (error) {
        // One faulty subscriber must not stop the others or break the seq bookkeeping.
        console.error(error);
      }
    }
  }

  private saveSeq(roomId: string, room: RoomState): void {
    if (room.lastSeq !== null) this.options.saveSeq?.(roomId, room.lastSeq);
  }

  private readonly handlePresence = (payload: PresencePayload): void => {
    const room = this.rooms.get(payload.roomId);
    if (!room || room.refs === 0) return;
    room.presence = payload.users;
    room.presenceCount = payload.count ?? payload.users.length;
    room.presenceByGroup = payload.byGroup ?? countGroups(payload.users);
    this.emitPresence();
  };

  private emitPresence(): void {
    for (const listener of [...this.presenceListeners]) listener();
  }
}

function stopTimers(room: RoomState): void {
  for (const timer of [room.joinTimeout, room.retryTimer, room.gapTimer]) if (timer) clearTimeout(timer);
  room.joinTimeout = null;
  room.retryTimer = null;
  room.gapTimer = null;
}

const EMPTY: PublicUser[] = [];
const EMPTY_GROUPS: PresenceByGroup = {};
const noop = (): void => undefined;
