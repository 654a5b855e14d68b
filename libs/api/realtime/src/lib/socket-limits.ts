import { HttpException, HttpStatus } from '@nestjs/common';
import type { RequestLanguage } from '@helix/api/core';
import type { ClientToServerEvents } from '@helix/contract';
import { PerUserBuckets } from './rate-limiter';
import { toAckError } from './socket-handler';

export type SocketBucketClass = 'send' | 'moderate' | 'room' | 'typing' | 'session' | 'general';

/**
 * Which of a person's buckets each client → server event takes a token from. The limit is checked before
 * any handler runs, so a flood costs neither a handler nor the database, and a person's sockets share their
 * buckets, so another tab brings no fresh one. An event that is not listed here (a client's typo, a
 * script's guess) takes from `general`.
 */
export const SOCKET_EVENT_BUCKETS: Readonly<Record<keyof ClientToServerEvents, SocketBucketClass>> = {
  'message:send': 'send',
  'message:edit': 'send',
  'message:delete': 'send',
  'reaction:toggle': 'send',
  'poll:vote': 'send',
  'message:hide': 'moderate',
  'room:join': 'room',
  'room:leave': 'room',
  'rooms:watch': 'room',
  typing: 'typing',
  'session:renew': 'session',
};

export interface BucketSize {
  burst: number;
  perSecond: number;
}

/**
 * Sizes per person. `send` is SOCKET_SEND_LIMIT. A moderator clearing a wave of spam hides faster than
 * anyone sends; a client joins the rooms of each of its tabs again after a reconnect; a client renews its
 * token on each of its sockets once per access-token lifetime; typing is sent at most about once a second.
 */
export const SOCKET_BUCKET_SIZES: Readonly<Record<Exclude<SocketBucketClass, 'send'>, BucketSize>> = {
  moderate: { burst: 30, perSecond: 3 },
  room: { burst: 30, perSecond: 3 },
  typing: { burst: 5, perSecond: 1 },
  session: { burst: 10, perSecond: 0.2 },
  general: { burst: 10, perSecond: 1 },
};

/**
 * Typing over its limit is dropped with an `ok` ack: it is ephemeral, the next keystroke sends another, and
 * a retryable error would only invite the client to send it again.
 */
const DROPPED_WHEN_LIMITED: ReadonlySet<SocketBucketClass> = new Set(['typing']);

type Packet = [event: string, ...args: unknown[]];

/** Per-person token buckets for every client → server event, applied as a `socket.use` middleware. */
export class SocketEventLimits {
  private readonly buckets: Record<SocketBucketClass, PerUserBuckets>;

  constructor(send: BucketSize) {
    const sizes: Record<SocketBucketClass, BucketSize> = { ...SOCKET_BUCKET_SIZES, send };
    this.buckets = Object.fromEntries(
      Object.entries(sizes).map(([name, size]) => [name, new PerUserBuckets(size.burst, size.perSecond)]),
    ) as Record<SocketBucketClass, PerUserBuckets>;
  }

  /** The middleware for one socket of `userId`, answering limited events in `language`. */
  middleware(
    userId: string,
    language: RequestLanguage,
  ): (packet: Packet, next: (error?: Error) => void) => void {
    return (packet, next) => {
      const [event, ...args] = packet;
      const bucketClass = bucketOf(event);
      if (this.buckets[bucketClass].for(userId).tryTake()) return next();
      const ack = args.at(-1);
      if (typeof ack !== 'function') return;
      ack(
        DROPPED_WHEN_LIMITED.has(bucketClass)
          ? { ok: true }
          : toAckError(
              new HttpException('Too fast; wait a moment and try again', HttpStatus.TOO_MANY_REQUESTS),
              language,
            ),
      );
    };
  }
}

function bucketOf(event: string): SocketBucketClass {
  return Object.hasOwn(SOCKET_EVENT_BUCKETS, event)
    ? SOCKET_EVENT_BUCKETS[event as keyof ClientToServerEvents]
    : 'general';
}
