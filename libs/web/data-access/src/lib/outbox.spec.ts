/**
 * @jest-environment jsdom
 */
import type { Ack, Message, MessageSendRequest, PublicUser } from '@helix/contract';
import { Outbox, type OutboxOptions, type OutboxSocket } from './outbox';

type SendAck = (ack: Ack<{ message: Message }>) => void;

class FakeSocket {
  connected = false;
  private readonly connectListeners = new Set<() => void>();
  readonly sends: Array<{ payload: MessageSendRequest; ack: SendAck }> = [];

  on(_event: 'connect', listener: () => void): this {
    this.connectListeners.add(listener);
    return this;
  }
  off(_event: 'connect', listener: () => void): this {
    this.connectListeners.delete(listener);
    return this;
  }
  emit(_event: 'message:send', payload: MessageSendRequest, ack: SendAck): this {
    this.sends.push({ payload, ack });
    return this;
  }
  connect(): void {
    this.connected = true;
    for (const listener of this.connectListeners) listener();
  }
  disconnect(): void {
    this.connected = false;
  }
}

const ROOM = 'a'.repeat(24);
const THREAD = 'b'.repeat(24);
const author: PublicUser = {
  id: 'c'.repeat(24),
  displayName: 'Ana',
  organization: 'Uni',
  stakeholderGroup: 'university',
};

function serverMessage(payload: MessageSendRequest, seq = 1): Message {
  return {
    id: 'd'.repeat(24),
    roomId: ROOM,
    threadId: THREAD,
    seq,
    clientId: payload.clientId,
    author,
    text: payload.text,
    replyTo: null,
    reactions: {},
    createdAt: new Date().toISOString(),
    editedAt: null,
    deleted: false,
  };
}

describe('Outbox', () => {
  beforeEach(() => {
    localStorage.clear();
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  const RETRY = { baseMs: 500, maxMs: 4_000 };

  function setup(options: OutboxOptions = {}) {
    const socket = new FakeSocket();
    const outbox = new Outbox(socket as unknown as OutboxSocket, {
      ackTimeoutMs: 1_000,
      retry: RETRY,
      ...options,
    });
    outbox.setUser(author.id);
    return { socket, outbox };
  }

  const internalError = {
    ok: false,
    error: { code: 'INTERNAL', message: 'something broke', retryable: true },
  } as const;

  it('shows the message as pending at once and marks it sent on an ok ack', () => {
    const { socket, outbox } = setup();
    socket.connect();
    const entry = outbox.send({ roomId: ROOM, threadId: THREAD, text: 'hello', author });
    expect(entry.clientId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(outbox.list()[0].state).toBe('pending');
    expect(socket.sends).toHaveLength(1);
    socket.sends[0].ack({ ok: true, message: serverMessage(socket.sends[0].payload) });
    expect(outbox.list()[0].state).toBe('sent');
  });

  it('re-sends with the same clientId after a disconnect', () => {
    const { socket, outbox } = setup();
    socket.connect();
    const entry = outbox.send({ roomId: ROOM, threadId: THREAD, text: 'hello', author });
    socket.disconnect();
    // The ack never comes: the message stays pending.
    jest.advanceTimersByTime(5_000);
    expect(outbox.list()[0].state).toBe('pending');
    socket.connect();
    const clientIds = socket.sends.map((send) => send.payload.clientId);
    expect(clientIds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(clientIds)).toEqual(new Set([entry.clientId]));
  });

  it('keeps retryable failures pending and retries with the same clientId; fails on a non-retryable one', () => {
    const { socket, outbox } = setup();
    socket.connect();
    const entry = outbox.send({ roomId: ROOM, threadId: THREAD, text: 'hello', author });
    socket.sends[0].ack({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'slow down', retryable: true },
    });
    expect(outbox.list()[0].state).toBe('pending');
    jest.advanceTimersByTime(500);
    expect(socket.sends).toHaveLength(2);
    expect(socket.sends[1].payload.clientId).toBe(entry.clientId);
    socket.sends[1].ack({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'thread is locked', retryable: false },
    });
    expect(outbox.list()[0]).toMatchObject({ state: 'failed', error: 'thread is locked' });
  });

  it('gives up on a message after a bounded number of retryable failures, and sends the later ones', () => {
    jest.spyOn(Math, 'random').mockReturnValue(1);
    const { socket, outbox } = setup({ maxAttempts: 4 });
    socket.connect();
    const stuck = outbox.send({ roomId: ROOM, threadId: THREAD, text: 'first', author });
    const later = outbox.send({ roomId: ROOM, threadId: THREAD, text: 'second', author });
    for (let attempt = 0; attempt < 4; attempt++) {
      expect(socket.sends).toHaveLength(attempt + 1);
      expect(socket.sends[attempt].payload.clientId).toBe(stuck.clientId);
      socket.sends[attempt].ack(internalError);
      if (attempt < 3) jest.advanceTimersByTime(RETRY.baseMs * 2 ** attempt);
    }
    expect(outbox.list()[0]).toMatchObject({
      clientId: stuck.clientId,
      state: 'failed',
      error: 'something broke',
    });
    expect(socket.sends).toHaveLength(5);
    expect(socket.sends[4].payload.clientId).toBe(later.clientId);
    socket.sends[4].ack({ ok: true, message: serverMessage(socket.sends[4].payload) });
    expect(outbox.list()[1].state).toBe('sent');

    // The user's own retry sends it once more, with the same clientId.
    outbox.retry(stuck.clientId);
    expect(socket.sends[5].payload.clientId).toBe(stuck.clientId);
    expect(outbox.list()[0].state).toBe('pending');
  });

  it('waits longer before each retry, up to a cap, and by chance, so a hall does not retry in lockstep', () => {
    const waitsWith = (chance: number): number[] => {
      jest.spyOn(Math, 'random').mockReturnValue(chance);
      const { socket, outbox } = setup({ maxAttempts: 7 });
      socket.connect();
      outbox.send({ roomId: ROOM, threadId: THREAD, text: 'hello', author });
      const waits: number[] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        socket.sends[attempt].ack(internalError);
        let waited = 0;
        while (socket.sends.length === attempt + 1) {
          jest.advanceTimersByTime(10);
          waited += 10;
        }
        waits.push(waited);
      }
      outbox.dispose();
      return waits;
    };
    expect(waitsWith(0)).toEqual([250, 500, 1_000, 2_000, 2_000, 2_000]);
    expect(waitsWith(1)).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);
  });

  it('counts an ack that never comes as a failed attempt while connected', () => {
    const { socket, outbox } = setup({ maxAttempts: 2 });
    socket.connect();
    outbox.send({ roomId: ROOM, threadId: THREAD, text: 'into the void', author });
    jest.advanceTimersByTime(1_000 + RETRY.baseMs);
    expect(socket.sends).toHaveLength(2);
    jest.advanceTimersByTime(1_000);
    expect(outbox.list()[0].state).toBe('failed');
  });

  it('does not cut a retry wait short when the user writes another message', () => {
    jest.spyOn(Math, 'random').mockReturnValue(1);
    const { socket, outbox } = setup();
    socket.connect();
    outbox.send({ roomId: ROOM, threadId: THREAD, text: 'first', author });
    socket.sends[0].ack(internalError);
    outbox.send({ roomId: ROOM, threadId: THREAD, text: 'second', author });
    expect(socket.sends).toHaveLength(1);
    jest.advanceTimersByTime(RETRY.baseMs);
    expect(socket.sends).toHaveLength(2);
    expect(socket.sends[1].payload.text).toBe('first');
  });

  it('gives every pending message fresh attempts on a new connection, at once', () => {
    const { socket, outbox } = setup({ maxAttempts: 2 });
    socket.connect();
    outbox.send({ roomId: ROOM, threadId: THREAD, text: 'hello', author });
    socket.sends[0].ack(internalError);
    socket.disconnect();
    socket.connect();
    expect(socket.sends).toHaveLength(2);
    socket.sends[1].ack(internalError);
    expect(outbox.list()[0].state).toBe('pending');
  });

  it('is replaced by the server event carrying the same clientId and author', () => {
    const { socket, outbox } = setup();
    const entry = outbox.send({ roomId: ROOM, threadId: THREAD, text: 'hello', author });
    outbox.reconcile({ clientId: entry.clientId, author: { ...author, id: 'e'.repeat(24) } });
    expect(outbox.list()).toHaveLength(1);
    outbox.reconcile({ clientId: entry.clientId, author });
    expect(outbox.list()).toHaveLength(0);
    expect(socket.sends).toHaveLength(0);
  });

  it('survives a reload: unsent messages come back from localStorage', () => {
    const first = setup();
    const entry = first.outbox.send({ roomId: ROOM, threadId: THREAD, text: 'offline words', author });
    first.outbox.dispose();

    const { socket, outbox } = setup();
    expect(outbox.list().map((item) => item.clientId)).toEqual([entry.clientId]);
    socket.connect();
    expect(socket.sends[0].payload).toMatchObject({ clientId: entry.clientId, text: 'offline words' });
  });
});
