import type { Ack, Message, PublicUser, RoomEvent, RoomJoinAck, RoomJoinRequest } from '@helix/contract';
import { RoomSync, type RoomSyncSocket } from './room-sync';

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

function setup() {
  const socket = new FakeSocket();
  const sync = new RoomSync(socket as unknown as RoomSyncSocket);
  const applied: number[] = [];
  sync.subscribe((e) => applied.push(e.seq));
  return { socket, sync, applied };
}

describe('RoomSync', () => {
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

  it('on a gap buffers the early event and re-joins from the last applied seq', () => {
    const { socket, sync, applied } = setup();
    sync.join(ROOM);
    socket.connect();
    socket.lastJoin().ack(joinAck(5));
    socket.fire('room:event', event(6));
    socket.fire('room:event', event(9));
    expect(applied).toEqual([6]);
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

  it('asks again from the last seq when the server says events may have been missed', () => {
    const { socket, sync, applied } = setup();
    sync.join(ROOM);
    socket.connect();
    socket.lastJoin().ack(joinAck(3));
    socket.fire('rooms:resync');
    expect(socket.lastJoin().payload).toEqual({ roomId: ROOM, sinceSeq: 3 });
    socket.lastJoin().ack(joinAck(5, [event(4), event(5)]));
    expect(applied).toEqual([4, 5]);
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
