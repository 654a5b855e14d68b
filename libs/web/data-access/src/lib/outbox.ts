import type { AckCallback, Message, MessageSendRequest, PublicUser } from '@helix/contract';
import { isRetryable, retryDelay, type Backoff } from './retry';
import { safeStorage } from './store';

export type OutboxState = 'pending' | 'sent' | 'failed';

export interface OutboxEntry {
  clientId: string;
  roomId: string;
  threadId: string;
  text: string;
  replyTo: string | null;
  author: PublicUser;
  createdAt: string;
  state: OutboxState;
  error?: string;
  /** The stored message, once the server acknowledged it. */
  message?: Message;
}

/** The part of the Socket.IO client the outbox needs; tests drive it with a fake. */
export interface OutboxSocket {
  readonly connected: boolean;
  on(event: 'connect', listener: () => void): unknown;
  off(event: 'connect', listener: () => void): unknown;
  emit(event: 'message:send', payload: MessageSendRequest, ack: AckCallback<{ message: Message }>): unknown;
}

export interface OutboxOptions {
  /** How long to wait for an ack before treating the send as lost and trying again. */
  ackTimeoutMs?: number;
  /** The wait before re-sending after a retryable error or a lost ack. */
  retry?: Backoff;
  /**
   * Sends of one message, the first included, on one connection: after that many retryable failures in
   * a row it is marked failed (the user can retry it), so that it stops holding back the later ones.
   */
  maxAttempts?: number;
  storageKeyPrefix?: string;
}

export const SEND_RETRY: Backoff = { baseMs: 1_000, maxMs: 15_000 };
export const MAX_SEND_ATTEMPTS = 5;

const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function newClientId(): string {
  const cryptoApi = globalThis.crypto;
  // randomUUID needs a secure context; a forum Wi-Fi served over plain http may not be one.
  if (typeof cryptoApi?.randomUUID === 'function') return cryptoApi.randomUUID().replace(/-/g, '');
  const bytes = new Uint8Array(16);
  if (typeof cryptoApi?.getRandomValues === 'function') cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Messages the user wrote that the server has not confirmed yet. Each keeps its clientId for
 * life, so re-sending after a reconnect or reload can never store it twice (the server dedupes).
 */
export class Outbox {
  private entries: OutboxEntry[] = [];
  private readonly listeners = new Set<() => void>();
  private userId: string | null = null;
  private sending = false;
  /** Set while the head of the queue waits to be sent again. */
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Retryable failures in a row of each entry on the current connection. */
  private readonly failures = new Map<string, number>();
  /** Forgets the send in flight: its ack will never come once the connection it used is gone. */
  private abandonInFlight: (() => void) | null = null;
  private readonly ackTimeoutMs: number;
  private readonly backoff: Backoff;
  private readonly maxAttempts: number;
  private readonly prefix: string;

  constructor(
    private readonly socket: OutboxSocket,
    options: OutboxOptions = {},
  ) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.backoff = options.retry ?? SEND_RETRY;
    this.maxAttempts = options.maxAttempts ?? MAX_SEND_ATTEMPTS;
    this.prefix = options.storageKeyPrefix ?? 'helix.outbox.';
    socket.on('connect', this.handleConnect);
  }

  dispose(): void {
    this.socket.off('connect', this.handleConnect);
    this.stopRetryTimer();
  }

  /** Loads the given user's unsent messages; each account has its own outbox. */
  setUser(userId: string | null): void {
    if (userId === this.userId) return;
    this.userId = userId;
    const stored = userId ? safeStorage.read<OutboxEntry[]>(this.prefix + userId) : null;
    this.entries = (Array.isArray(stored) ? stored : []).filter(
      (entry) => entry && CLIENT_ID_PATTERN.test(entry.clientId) && entry.state !== 'sent',
    );
    this.changed(false);
    this.flush();
  }

  list(): OutboxEntry[] {
    return this.entries;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  send(input: {
    roomId: string;
    threadId: string;
    text: string;
    replyTo?: string | null;
    author: PublicUser;
  }): OutboxEntry {
    const entry: OutboxEntry = {
      clientId: newClientId(),
      roomId: input.roomId,
      threadId: input.threadId,
      text: input.text,
      replyTo: input.replyTo ?? null,
      author: input.author,
      createdAt: new Date().toISOString(),
      state: 'pending',
    };
    this.entries = [...this.entries, entry];
    this.changed();
    this.flush();
    return entry;
  }

  retry(clientId: string): void {
    this.failures.delete(clientId);
    this.update(clientId, { state: 'pending', error: undefined });
    this.flush();
  }

  discard(clientId: string): void {
    this.failures.delete(clientId);
    this.entries = this.entries.filter((entry) => entry.clientId !== clientId);
    this.changed();
  }

  /** The server's copy arrived (as a room event or in a page): the optimistic one is done. */
  reconcile(message: Pick<Message, 'clientId' | 'author'>): void {
    const next = this.entries.filter(
      (entry) => !(entry.clientId === message.clientId && entry.author.id === message.author.id),
    );
    if (next.length === this.entries.length) return;
    this.entries = next;
    this.changed();
  }

  /** A new connection is a fresh chance for every pending entry, at once. */
  private readonly handleConnect = (): void => {
    this.abandonInFlight?.();
    this.stopRetryTimer();
    this.failures.clear();
    this.flush();
  };

  /**
   * Sends pending entries one after another, oldest first, so they are stored in the order written;
   * while the oldest waits to be sent again, the later ones wait behind it.
   */
  readonly flush = (): void => {
    if (this.sending || this.retryTimer || !this.socket.connected) return;
    const next = this.entries.find((entry) => entry.state === 'pending');
    if (!next) return;
    this.sending = true;
    const payload: MessageSendRequest = {
      roomId: next.roomId,
      threadId: next.threadId,
      text: next.text,
      clientId: next.clientId,
      ...(next.replyTo ? { replyTo: next.replyTo } : {}),
    };
    let settled = false;
    const timer = setTimeout(() => finish('retry'), this.ackTimeoutMs);
    /** `retry` with no error: the ack did not come in time. */
    const finish = (outcome: 'sent' | 'failed' | 'retry', patch: Partial<OutboxEntry> = {}): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      this.sending = false;
      this.abandonInFlight = null;
      // Offline, the ack was lost with the connection: the next connect sends the entry again.
      if (outcome === 'retry' && !this.socket.connected) return;
      if (outcome === 'retry') {
        const failures = (this.failures.get(next.clientId) ?? 0) + 1;
        if (failures < this.maxAttempts) {
          this.failures.set(next.clientId, failures);
          this.retryAfter(retryDelay(failures - 1, this.backoff));
          return;
        }
        outcome = 'failed';
      }
      this.failures.delete(next.clientId);
      this.update(next.clientId, { state: outcome, ...patch });
      this.flush();
    };
    this.abandonInFlight = () => {
      settled = true;
      clearTimeout(timer);
      this.sending = false;
      this.abandonInFlight = null;
    };
    this.socket.emit('message:send', payload, (ack) => {
      if (ack.ok) finish('sent', { message: ack.message, error: undefined });
      else finish(isRetryable(ack.error) ? 'retry' : 'failed', { error: ack.error.message });
    });
  };

  private retryAfter(delayMs: number): void {
    this.stopRetryTimer();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush();
    }, delayMs);
  }

  private stopRetryTimer(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private update(clientId: string, patch: Partial<OutboxEntry>): void {
    let found = false;
    this.entries = this.entries.map((entry) => {
      if (entry.clientId !== clientId) return entry;
      found = true;
      return { ...entry, ...patch };
    });
    if (found) this.changed();
  }

  private changed(persist = true): void {
    if (persist && this.userId) {
      const unsent = this.entries.filter((entry) => entry.state !== 'sent');
      safeStorage.write(this.prefix + this.userId, unsent.length ? unsent : null);
    }
    for (const listener of [...this.listeners]) listener();
  }
}
