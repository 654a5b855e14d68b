import type { Ack, Message, PublicUser, RoomEvent, RoomJoinAck, RoomJoinRequest } from '@helix/contract';
import {
  GAP_GRACE_MS,
  JOIN_ACK_TIMEOUT_MS,
  JOIN_RETRY,
  RESYNC_SPREAD_MS,
  RoomSync,
  type RoomSyncOptions,
  type RoomSyncSocket,
} from './room-sync';

type Listener = (...args: never[]) => void;

/** Stands in for the Socket.IO client: records emits, lets the test answer acks and push events. */
class FakeSocket {
  connected = false;
  readonly listeners = new Map<string, Set<Listener>>();
  readonly joins: Array<{ payload: RoomJoinRequest; ack: (ack: Ack<RoomJoinAck>) => void }> = [];
  readonly leaves: string[] = [];

  on(event: string, listener: Listener): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(listener);
    return this;
  }
  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  emit(event: string, payload: unknown, ack: (value: never) => void): this {
    if (event === 'room:join') this.joins.push({ payload: payload as RoomJoinRequest, ack: ack as never });
    if (event === 'room:leave') this.leaves.push((payload as { roomId: string }).roomId);
    return this;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
  connect(): void {
    this.connected = true;
    this.fire('connect');
  }
  disconnect(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
  lastJoin() {
    const join = this.joins.at(-1);
    if (!join) throw new Error('no room:join was sent');
    return join;
  }
}

const ROOM = 'a'.repeat(24);

function event(seq: number, text = `m${seq}`): RoomEvent {
  const message = {
    id: `${seq}`.padStart(24, '0'),
    roomId: ROOM,
    threadId: 'b'.repeat(24),
    seq,
    text,
  } as Message;
  return { roomId: ROOM, seq, type: 'message.created', payload: message, at: new Date(0).toISOString() };
}

function joinAck(seq: number, missed: RoomEvent[] = [], hasMore = false): Ack<RoomJoinAck> {
  return { ok: true, seq, presence: [], presenceCount: 0, presenceByGroup: {}, missed, hasMore };
}

function failure(
  code: 'UNAVAILABLE' | 'INTERNAL' | 'RATE_LIMITED' | 'NOT_FOUND' | 'FORBIDDEN' | 'VALIDATION',
) {
  return {
    ok: false as const,
    error: { code, message: code, retryable: ['UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED'].includes(code) },
  };
}

function setup(options: RoomSyncOptions = {}) {
  const socket = new FakeSocket();
  const sync = new RoomSync(socket as unknown as RoomSyncSocket, options);
  const applied: number[] = [];
  sync.subscribe((e) => applied.push(e.seq));
  return { socket, sync, applied };
}

describe('RoomSync', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('joins on connect, then applies live events in order', () => {
    const { socket, sync, applied } = setup();
    sync.join(ROOM);
    expect(socket.joins).toHaveLength(0);
    socket.connect();
    expect(socket.lastJoin().payload).toEqual({ roomId: ROOM });
    socket.lastJoin().ack(joinAck(5));
    socket.fire('room:event', event(6));
    socket.fire('room:event', event(7));
    expect(applied).toEqual([6, 7]);
    expect(sync.lastSeq(ROOM)).toBe(7);
  });

  it('ignores duplicates and events it has already applied', () => {
    const { socket, sync, applied } = setup();
    sync.join(ROOM);
    socket.connect();
    socket.lastJoin().ack(joinAck(5));
    socket.fire('room:event', event(6));
    socket.fire('room:event', event(6));
    socket.fire('room:event', event(4));
    socket.fire('room:event', event(7));
    expect(applied).toEqual([6, 7]);
  });

  it('on a gap buffers the early event and, when the missing ones do not follow, re-joins from the last applied seq', () => {
    const { socket, sync, applied } = setup();
    sync.join(ROOM);
    socket.connect();
    socket.lastJoin().ack(joinAck(5));
    socket.fire('room:event', event(6));
    socket.fire('room:event', event(9));
    expect(applied).toEqual([6]);
    jest.advanceTimersByTime(GAP_GRACE_MS - 1);
    expect(socket.joins).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(socket.joins).toHaveLength(2);
    expect(socket.lastJoin().payload).toEqual({ roomId: ROOM, sinceSeq: 6 });

    // A live event that arrives while the re-join is in flight is held, not lost.
    socket.fire('room:event', event(10));
    socket.lastJoin().ack(joinAck(10, [event(7), event(8), event(9), event(10)]));
    expect(applied).toEqual([6, 7, 8, 9, 10]);
    expect(sync.lastSeq(ROOM)).toBe(10);
  });

  it('keeps asking while the replay has more', () => {
    const { socket, sync, applied } = setup();
    sync.join(ROOM);
    socket.connect();
    socket.lastJoin().ack(joinAck(2));
    socket.disconnect();
    socket.connect();
    expect(socket.lastJoin().payload).toEqual({ roomId: ROOM, sinceSeq: 2 });
    socket.lastJoin().ack(joinAck(6, [event(3), event(4)], true));
    expect(socket.lastJoin().payload).toEqual({ roomId: ROOM, sinceSeq: 4 });
    socket.lastJoin().ack(joinAck(6, [event(5), event(6)], false));
    expect(applied).toEqual([3, 4, 5, 6]);
    expect(socket.joins).toHaveLength(3);
  });

  it('re-joins with sinceSeq after a reconnect and applies the missed events once', () => {
    const { socket, sync, applied } = setup();
    sync.join(ROOM);
    socket.connect();
    socket.lastJoin().ack(joinAck(1));
    socket.fire('room:event', event(2));
    socket.disconnect();
    socket.connect();
    expect(socket.lastJoin().payload).toEqual({ roomId: ROOM, sinceSeq: 2 });
    socket.lastJoin().ack(joinAck(4, [event(2), event(3), event(4)]));
    expect(applied).toEqual([2, 3, 4]);
  });

  it('waits a moment for events that arrive out of order before asking the server again', () => {
    const { socket, sync, applied } = setup();
    sync.join(ROOM);
    socket.connect();
    socket.lastJoin().ack(joinAck(5));
    // Another instance's event 6 comes through Redis after this instance's own 7 and 8.
    socket.fire('room:event', event(7));
    socket.fire('room:event', event(8));
    jest.advanceTimersByTime(GAP_GRACE_MS / 2);
    socket.fire('room:event', event(6));
    expect(applied).toEqual([6, 7, 8]);
    jest.advanceTimersByTime(10 * GAP_GRACE_MS);
    expect(socket.joins).toHaveLength(1);
    expect(sync.lastSeq(ROOM)).toBe(8);
  });

  it('asks again from the last seq when the server says events may have been missed, after a random wait', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const { socket, sync, applied } = setup();
    sync.join(ROOM);
    socket.connect();
    socket.lastJoin().ack(joinAck(3));
    socket.fire('rooms:resync');
    socket.fire('rooms:resync');
    jest.advanceTimersByTime(RESYNC_SPREAD_MS / 2 - 1);
    expect(socket.joins).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(socket.joins).toHaveLength(2);
    expect(socket.lastJoin().payload).toEqual({ roomId: ROOM, sinceSeq: 3 });
    socket.lastJoin().ack(joinAck(5, [event(4), event(5)]));
    expect(applied).toEqual([4, 5]);
    jest.advanceTimersByTime(RESYNC_SPREAD_MS);
    expect(socket.joins).toHaveLength(2);
  });

  it('spreads the re-joins of a whole hall over the resync window', () => {
    const halls = [0.1, 0.6, 0.9].map((chance) => {
      jest.spyOn(Math, 'random').mockReturnValue(chance);
      const client = setup();
      client.sync.join(ROOM);
      client.socket.connect();
      client.socket.lastJoin().ack(joinAck(3));
      client.socket.fire('rooms:resync');
      return client;
    });
    const joinedAt = halls.map(() => -1);
    for (let t = 0; t <= RESYNC_SPREAD_MS; t += 100) {
      halls.forEach((client, i) => {
        if (joinedAt[i] < 0 && client.socket.joins.length === 2) joinedAt[i] = t;
      });
      jest.advanceTimersByTime(100);
    }
    expect(joinedAt).toEqual([300, 1800, 2700]);
  });

  it('retries a first join that failed for a passing reason, waiting longer each time, then follows the room', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    const onJoinError = jest.fn();
    const { socket, sync, applied } = setup({ onJoinError });
    sync.join(ROOM);
    socket.connect();
    socket.lastJoin().ack(failure('UNAVAILABLE'));
    // With no luck at all the wait is half the backoff's current ceiling.
    jest.advanceTimersByTime(JOIN_RETRY.baseMs / 2 - 1);
    expect(socket.joins).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(socket.joins).toHaveLength(2);
    socket.lastJoin().ack(failure('INTERNAL'));
    jest.advanceTimersByTime(JOIN_RETRY.baseMs - 1);
    expect(socket.joins).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(socket.joins).toHaveLength(3);
    expect(socket.lastJoin().payload).toEqual({ roomId: ROOM });
    socket.lastJoin().ack(joinAck(4));
    socket.fire('room:event', event(5));
    expect(applied).toEqual([5]);
    expect(onJoinError).not.toHaveBeenCalled();
  });

  it('doubles the wait between join retries up to a cap', () => {
    jest.spyOn(Math, 'random').mockReturnValue(1);
    const { socket, sync } = setup();
    sync.join(ROOM);
    socket.connect();
    for (let attempt = 0; attempt < 8; attempt++) {
      socket.lastJoin().ack(failure('RATE_LIMITED'));
      const wait = Math.min(JOIN_RETRY.maxMs, JOIN_RETRY.baseMs * 2 ** attempt);
      jest.advanceTimersByTime(wait - 1);
      expect(socket.joins).toHaveLength(attempt + 1);
      jest.advanceTimersByTime(1);
      expect(socket.joins).toHaveLength(attempt + 2);
    }
    expect(JOIN_RETRY.baseMs * 2 ** 7).toBeGreaterThan(JOIN_RETRY.maxMs);
  });

  it('jitters join retries, so clients that failed together do not retry together', () => {
    const retryTimes = [0, 1].map((chance) => {
      jest.spyOn(Math, 'random').mockReturnValue(chance);
      const { socket, sync } = setup();
      sync.join(ROOM);
      socket.connect();
      socket.lastJoin().ack(failure('UNAVAILABLE'));
      let waited = 0;
      while (socket.joins.length === 1 && waited < JOIN_RETRY.maxMs) {
        jest.advanceTimersByTime(50);
        waited += 50;
      }
      return waited;
    });
    expect(retryTimes[0]).toBeLessThan(retryTimes[1]);
  });

  it('retries a join whose answer never comes, and ignores the answer if it comes late', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    const { socket, sync, applied } = setup();
    sync.join(ROOM);
    socket.connect();
    const lost = socket.lastJoin();
    jest.advanceTimersByTime(JOIN_ACK_TIMEOUT_MS + JOIN_RETRY.baseMs / 2);
    expect(socket.joins).toHaveLength(2);
    lost.ack(joinAck(9, [event(9)]));
    expect(applied).toEqual([]);
    socket.lastJoin().ack(joinAck(3));
    socket.fire('room:event', event(4));
    expect(applied).toEqual([4]);
  });

  it.each(['NOT_FOUND', 'FORBIDDEN', 'VALIDATION'] as const)(
    'stops and reports a join the server refuses (%s)',
    (code) => {
      const onJoinError = jest.fn();
      const { socket, sync } = setup({ onJoinError });
      sync.join(ROOM);
      socket.connect();
      socket.lastJoin().ack(failure(code));
      expect(onJoinError).toHaveBeenCalledWith(ROOM, expect.objectContaining({ code }));
      jest.advanceTimersByTime(10 * JOIN_RETRY.maxMs);
      expect(socket.joins).toHaveLength(1);
    },
  );

  it('drops a pending join retry when the room is left, and joins at once on a new connection', () => {
    const { socket, sync } = setup();
    const leave = sync.join(ROOM);
    socket.connect();
    socket.lastJoin().ack(failure('UNAVAILABLE'));
    socket.disconnect();
    socket.connect();
    expect(socket.joins).toHaveLength(2);
    socket.lastJoin().ack(failure('UNAVAILABLE'));
    leave();
    jest.advanceTimersByTime(10 * JOIN_RETRY.maxMs);
    expect(socket.joins).toHaveLength(2);
  });

  it('counts everyone present even when a big room lists only some by name', () => {
    const { socket, sync } = setup();
    sync.join(ROOM);
    socket.connect();
    socket.lastJoin().ack({ ...joinAck(1), presenceCount: 250 } as Ack<RoomJoinAck>);
    expect(sync.presenceCount(ROOM)).toBe(250);
    socket.fire('presence', { roomId: ROOM, users: [], count: 251, byGroup: {} });
    expect(sync.presenceCount(ROOM)).toBe(251);
  });

  it('counts those present by stakeholder group', () => {
    const { socket, sync } = setup();
    sync.join(ROOM);
    socket.connect();
    const person = (id: string, stakeholderGroup: PublicUser['stakeholderGroup']): PublicUser => ({
      id,
      displayName: id,
      organization: 'Org',
      stakeholderGroup,
    });
    socket.lastJoin().ack({
      ...joinAck(1),
      presence: [person('a', 'business'), person('b', 'business'), person('c', 'government')],
      // The list stops at 100 names; the counts cover everyone.
      presenceCount: 151,
      presenceByGroup: { business: 150, government: 1 },
    } as Ack<RoomJoinAck>);
    expect(sync.presenceByGroup(ROOM)).toEqual({ business: 150, government: 1 });
    socket.fire('presence', {
      roomId: ROOM,
      users: [],
      count: 240,
      byGroup: { university: 200, business: 40 },
    });
    expect(sync.presenceByGroup(ROOM)).toEqual({ university: 200, business: 40 });
    // Unchanged presence keeps the same object, as useSyncExternalStore needs.
    expect(sync.presenceByGroup(ROOM)).toBe(sync.presenceByGroup(ROOM));
  });

  it('leaves when the last user of the room lets go', () => {
    const { socket, sync } = setup();
    socket.connect();
    const leaveA = sync.join(ROOM);
    const leaveB = sync.join(ROOM);
    expect(socket.joins).toHaveLength(1);
    leaveA();
    expect(socket.leaves).toEqual([]);
    leaveB();
    expect(socket.leaves).toEqual([ROOM]);
  });
});
