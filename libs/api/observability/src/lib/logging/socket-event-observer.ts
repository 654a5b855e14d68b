import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Metrics } from '../metrics/metrics';

type Packet = [event: string, ...args: unknown[]];

interface ObservedSocket {
  id: string;
  data: { user: { id: string } };
}

/** Typing arrives about once a second from everyone typing: counted, not logged. */
const UNLOGGED_EVENTS = new Set(['typing']);

function outcomeOf(answer: unknown): string {
  if (answer && typeof answer === 'object' && 'ok' in answer && answer.ok === false) {
    const error = (answer as { error?: { code?: unknown } }).error;
    return typeof error?.code === 'string' ? error.code : 'ERROR';
  }
  return 'ok';
}

function roomIdOf(payload: unknown): string | undefined {
  const roomId =
    payload && typeof payload === 'object' ? (payload as { roomId?: unknown }).roomId : undefined;
  return typeof roomId === 'string' ? roomId.slice(0, 64) : undefined;
}

/**
 * Follows each socket event from its arrival to its ack, as pino-http follows a request: one log line with an
 * id, the user, the room, the outcome and the duration, and the socket metrics. It must run before the rate
 * limit, so that events refused there are seen too; `buckets` names the limit each known event counts against.
 */
export class SocketEventObserver {
  private readonly logger = new Logger('Socket');

  constructor(
    private readonly metrics: Metrics,
    private readonly buckets: Readonly<Record<string, string>>,
  ) {}

  middleware(socket: ObservedSocket): (packet: Packet, next: (error?: Error) => void) => void {
    return (packet, next) => {
      const last = packet.length - 1;
      const ack = packet[last];
      if (typeof ack !== 'function') return next();
      const event = String(packet[0]);
      const started = performance.now();
      packet[last] = (answer: unknown, ...rest: unknown[]) => {
        this.observe(socket, event, packet[1], answer, started);
        (ack as (...args: unknown[]) => void)(answer, ...rest);
      };
      next();
    };
  }

  private observe(
    socket: ObservedSocket,
    event: string,
    payload: unknown,
    answer: unknown,
    started: number,
  ): void {
    const seconds = Metrics.secondsSince(started);
    const outcome = outcomeOf(answer);
    // Labels stay few: an event Helix does not know (a client's typo, a script's guess) is counted as `other`.
    const known = Object.hasOwn(this.buckets, event) ? event : 'other';
    this.metrics.socketEvents.inc({ event: known, outcome });
    this.metrics.socketEventDuration.observe({ event: known }, seconds);
    if (outcome === 'RATE_LIMITED')
      this.metrics.rateLimited.inc({ limiter: `socket:${this.buckets[known] ?? 'general'}` });
    if (event === 'room:join' && outcome === 'ok') this.metrics.roomJoins.inc();
    if (UNLOGGED_EVENTS.has(event)) return;
    const line = {
      msg: 'socket event',
      requestId: randomUUID(),
      event: known,
      socketId: socket.id,
      userId: socket.data.user.id,
      roomId: roomIdOf(payload),
      status: outcome,
      durationMs: Math.round(seconds * 1000 * 10) / 10,
    };
    if (outcome === 'INTERNAL') this.logger.error(line);
    else this.logger.log(line);
  }
}
