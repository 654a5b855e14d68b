import type { AuthResponse, Message, PublicUser, RoomEvent, TypingPayload } from '@helix/contract';
import {
  Outbox,
  RoomSync,
  SOCKET_RECONNECTION,
  type OutboxEntry,
  type OutboxSocket,
  type RoomSyncSocket,
} from '@helix/web/data-access/sync';
import { io, type Socket } from 'socket.io-client';

export interface ConfirmedSend {
  message: Message;
  /** Which of this client's connections the confirmation came on: 1 is the first, each reconnect adds one. */
  connection: number;
  at: number;
}

/**
 * One participant's tab, in Node: one Socket.IO connection with the web client's reconnection settings,
 * and the web client's own RoomSync and Outbox on it, wired as socket-client.ts wires them. The test
 * sees what the tab would show: the room's events as applied, and each message's state.
 */
export class WebClient {
  readonly sync: RoomSync;
  readonly outbox: Outbox;
  /** The room's events in the order the sync applied them. */
  readonly applied: RoomEvent[] = [];
  /**
   * Sends the server confirmed, by clientId: by its ack, or by the room event carrying the message, which
   * may come first and retires the outbox entry (as in the web client) before the ack arrives.
   */
  readonly confirmed = new Map<string, ConfirmedSend>();
  readonly typing: TypingPayload[] = [];
  /** Times the server asked this client to catch up (`rooms:resync`). */
  resyncs = 0;
  connections = 0;
  private readonly socket: Socket;
  private readonly unconfirmed = new Set<string>();
  private readonly createdByClientId = new Map<string, Message>();
  private closed = false;

  constructor(
    url: string,
    readonly session: AuthResponse,
    readonly roomId: string,
  ) {
    this.socket = io(url, {
      ...SOCKET_RECONNECTION,
      autoConnect: false,
      forceNew: true,
      transports: ['websocket'],
      auth: { token: session.accessToken },
    });
    // Counted before the sync and the outbox hear of the connection, so their acks find it counted.
    this.socket.on('connect', () => (this.connections += 1));
    this.sync = new RoomSync(this.socket as unknown as RoomSyncSocket);
    this.outbox = new Outbox(this.socket as unknown as OutboxSocket);
    this.outbox.setUser(session.user.id);
    this.sync.subscribe((event) => {
      if (event.roomId === this.roomId) this.applied.push(event);
      if (event.type !== 'message.created') return;
      const message = event.payload as Message;
      this.createdByClientId.set(message.clientId, message);
      this.outbox.reconcile(message);
    });
    this.outbox.subscribe(() => this.noteConfirmations());
    this.socket.on('typing', (payload: TypingPayload) => this.typing.push(payload));
    this.socket.on('rooms:resync', () => (this.resyncs += 1));
    // As socket-client.ts does: a refusal by the server (one that is shutting down) ends Socket.IO's own
    // reconnection, so the tab connects again by hand a little later.
    this.socket.on('connect_error', () => {
      if (!this.socket.active && !this.closed)
        setTimeout(() => !this.closed && !this.socket.connected && this.socket.connect(), 500);
    });
  }

  /** Opens the room as the web client's room page does, and resolves once its first join is answered. */
  async open(): Promise<void> {
    const synced = new Promise<void>((done) => {
      const stop = this.sync.onSynced((roomId) => {
        if (roomId !== this.roomId) return;
        stop();
        done();
      });
    });
    this.sync.join(this.roomId);
    this.socket.connect();
    await synced;
  }

  send(threadId: string, text: string): OutboxEntry {
    const entry = this.outbox.send({ roomId: this.roomId, threadId, text, author: this.author });
    this.unconfirmed.add(entry.clientId);
    return entry;
  }

  sendTyping(threadId: string): void {
    this.socket.emit('typing', { roomId: this.roomId, threadId }, () => undefined);
  }

  /** What the web client does when the browser comes back online: a fresh connection. */
  reconnect(): void {
    this.socket.disconnect();
    this.socket.connect();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  get seqs(): number[] {
    return this.applied.map((event) => event.seq);
  }

  get createdMessages(): Message[] {
    return this.applied
      .filter((event) => event.type === 'message.created')
      .map((event) => event.payload as Message);
  }

  /** Sends still waiting for the server (failed ones count too: the user would see them as not sent). */
  get unsent(): OutboxEntry[] {
    return this.outbox.list().filter((entry) => entry.state !== 'sent');
  }

  presentIds(): string[] {
    return this.sync.presence(this.roomId).map((user) => user.id);
  }

  close(): void {
    this.closed = true;
    this.sync.dispose();
    this.outbox.dispose();
    this.socket.disconnect();
  }

  private noteConfirmations(): void {
    const entries = new Map(this.outbox.list().map((entry) => [entry.clientId, entry]));
    for (const clientId of this.unconfirmed) {
      const entry = entries.get(clientId);
      if (entry && entry.state !== 'sent') continue;
      const message = entry?.message ?? this.createdByClientId.get(clientId);
      if (!message) continue;
      this.confirmed.set(clientId, { message, connection: this.connections, at: Date.now() });
      this.unconfirmed.delete(clientId);
    }
  }

  private get author(): PublicUser {
    const { id, displayName, organization, stakeholderGroup } = this.session.user;
    return { id, displayName, organization, stakeholderGroup };
  }
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}
