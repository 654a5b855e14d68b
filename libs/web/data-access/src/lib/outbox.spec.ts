/**
 * @jest-environment jsdom
 */
import type { Ack, Message, MessageSendRequest, PublicUser } from '@helix/contract';
import { Outbox, type OutboxSocket } from './outbox';

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
  afterEach(() => jest.useRealTimers());

  function setup() {
    const socket = new FakeSocket();
    const outbox = new Outbox(socket as unknown as OutboxSocket, { ackTimeoutMs: 1_000, retryDelayMs: 500 });
    outbox.setUser(author.id);
    return { socket, outbox };
  }

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
