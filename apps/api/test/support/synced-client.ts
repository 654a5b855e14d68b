import type { Message, RoomEvent, RoomJoinAck } from '@helix/contract';
import { io, type Socket } from 'socket.io-client';

interface Outgoing {
  roomId: string;
  threadId: string;
  text: string;
  clientId: string;
}

/**
 * A test client that keeps a room in sync the way the web client does: events applied strictly in
 * seq order, duplicates dropped, gaps and reconnects filled by `room:join` with the last seq, and
 * unacknowledged sends kept and resent with the same clientId.
 */
export class SyncedClient {
  readonly applied: RoomEvent[] = [];
  readonly acked = new Map<string, Message>();
  readonly unacked = new Map<string, Outgoing>();
  presence: string[] = [];
  typingFrom: string[] = [];
  private lastSeq = 0;
  private buffer = new Map<number, RoomEvent>();
  private socket?: Socket;
  private syncing?: Promise<void>;

  constructor(
    private readonly token: string,
    readonly roomId: string,
  ) {}

  get seqs(): number[] {
    return this.applied.map((event) => event.seq);
  }

  get socketConnected(): boolean {
    return this.socket?.connected ?? false;
  }

  async connect(url: string): Promise<void> {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    const socket = io(url, {
      auth: { token: this.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.socket = socket;
    socket.on('room:event', (event: RoomEvent) => this.receive(event));
    socket.on(
      'presence',
      (payload: { users: Array<{ id: string }> }) => (this.presence = payload.users.map((user) => user.id)),
    );
    socket.on('typing', (payload: { user: { id: string } }) => this.typingFrom.push(payload.user.id));
    socket.on('rooms:resync', () => void this.catchUp());
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    await this.catchUp();
  }

  async send(message: Outgoing): Promise<void> {
    this.unacked.set(message.clientId, message);
    // Offline: keep it for flush() after reconnecting, as the web client's outbox does.
    if (!this.socket?.connected) return;
    const ack = await this.socket
      ?.timeout(5_000)
      .emitWithAck('message:send', message)
      .catch(() => undefined);
    if (ack?.ok) {
      this.acked.set(message.clientId, ack.message);
      this.unacked.delete(message.clientId);
    }
  }

  /** Resends everything not acknowledged, with the same clientIds. */
  async flush(): Promise<void> {
    for (const message of [...this.unacked.values()]) await this.send(message);
  }

  typing(threadId: string): void {
    this.socket?.emit('typing', { roomId: this.roomId, threadId }, () => undefined);
  }

  close(): void {
    this.socket?.disconnect();
  }

  private receive(event: RoomEvent): void {
    if (event.roomId !== this.roomId || event.seq <= this.lastSeq) return;
    this.buffer.set(event.seq, event);
    this.drain();
    if (this.buffer.size) void this.catchUp();
  }

  private drain(): void {
    for (let next = this.buffer.get(this.lastSeq + 1); next; next = this.buffer.get(this.lastSeq + 1)) {
      this.buffer.delete(next.seq);
      this.applied.push(next);
      this.lastSeq = next.seq;
    }
    for (const seq of this.buffer.keys()) if (seq <= this.lastSeq) this.buffer.delete(seq);
  }

  private catchUp(): Promise<void> {
    this.syncing ??= (async () => {
      try {
        for (;;) {
          const ack = (await this.socket
            ?.timeout(10_000)
            .emitWithAck('room:join', { roomId: this.roomId, sinceSeq: this.lastSeq })
            // A socket closed meanwhile ends this round; the next connect() catches up again.
            .catch(() => undefined)) as (RoomJoinAck & { ok: boolean }) | undefined;
          if (!ack?.ok) return;
          this.presence = ack.presence.map((user) => user.id);
          for (const event of ack.missed) this.buffer.set(event.seq, event);
          this.drain();
          if (!ack.hasMore) return;
        }
      } finally {
        this.syncing = undefined;
      }
      // Events that arrived past a gap while catching up need another round.
      if (this.buffer.size) await this.catchUp();
    })();
    return this.syncing;
  }
}
