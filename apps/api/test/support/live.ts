import type {
  Message,
  PresencePayload,
  RoomEvent,
  RoomJoinAck,
  Thread,
  TypingPayload,
} from '@helix/contract';
import { emitWithAck, type TestSocket } from './test-app';

/** Records what a socket receives, in arrival order. */
export class Inbox {
  readonly events: RoomEvent[] = [];
  readonly presence: PresencePayload[] = [];
  readonly typing: TypingPayload[] = [];

  constructor(readonly socket: TestSocket) {
    socket.on('room:event', (event) => this.events.push(event));
    socket.on('presence', (payload) => this.presence.push(payload));
    socket.on('typing', (payload) => this.typing.push(payload));
  }

  messages(): Message[] {
    return this.events
      .filter((event) => event.type === 'message.created')
      .map((event) => event.payload as Message);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for socket events');
      await new Promise((done) => setTimeout(done, 20));
    }
  }
}

export async function join(socket: TestSocket, roomId: string, sinceSeq?: number): Promise<RoomJoinAck> {
  const ack = await emitWithAck<RoomJoinAck>(
    socket,
    'room:join',
    sinceSeq === undefined ? { roomId } : { roomId, sinceSeq },
  );
  if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack.error)}`);
  return ack;
}

/** Everything after `sinceSeq`, following `hasMore` as a client must. */
export async function catchUp(socket: TestSocket, roomId: string, sinceSeq: number): Promise<RoomEvent[]> {
  const events: RoomEvent[] = [];
  let since = sinceSeq;
  for (;;) {
    const ack = await join(socket, roomId, since);
    events.push(...ack.missed);
    if (!ack.hasMore) return events;
    since = ack.missed[ack.missed.length - 1].seq;
  }
}

export async function send(
  socket: TestSocket,
  body: { roomId: string; threadId: string; text: string; clientId: string; replyTo?: string },
): Promise<Message> {
  const ack = await emitWithAck<{ message: Message }>(socket, 'message:send', body);
  if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack.error)}`);
  return ack.message;
}

export type { Thread };
