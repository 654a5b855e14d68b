import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PollsService } from './polls.service';
import { PollsStore, type PollOrigin } from './polls-store';
import type { PollRecord } from './schemas/poll.schema';

/**
 * How much later than the instance that opened a poll the others close it: they step in only when that one
 * is gone (stopped, crashed), and do not race it for the same write meanwhile.
 */
const FALLBACK_DELAY_MS = 2_000;
/** A close that failed for another reason than "already closed" (the database away) is tried again. */
const RETRY_DELAY_MS = 5_000;

/**
 * Closes polls whose countdown ran out: one timer per open poll with a `closesAt`, armed from the read model
 * (at boot too, as the store loads) on every instance. The instance that opened the poll closes it on time;
 * the others a moment later if it is still open. The close is guarded by the poll's status, so only one wins.
 */
@Injectable()
export class PollCloser implements OnApplicationShutdown {
  private readonly logger = new Logger(PollCloser.name);
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    store: PollsStore,
    private readonly polls: PollsService,
  ) {
    store.onPut((record, origin) => this.arm(record, origin));
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private arm(record: PollRecord, origin: PollOrigin): void {
    const pollId = record._id.toHexString();
    this.disarm(pollId);
    if (record.status !== 'open' || !record.closesAt) return;
    const delay = record.closesAt.getTime() - Date.now() + (origin === 'here' ? 0 : FALLBACK_DELAY_MS);
    this.schedule(pollId, Math.max(0, delay));
  }

  private schedule(pollId: string, delay: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(pollId);
      this.polls.closeWhenDue(pollId).catch((error: unknown) => {
        this.logger.warn(`poll ${pollId} not closed by its countdown, trying again: ${String(error)}`);
        this.schedule(pollId, RETRY_DELAY_MS);
      });
    }, delay);
    timer.unref();
    this.timers.set(pollId, timer);
  }

  private disarm(pollId: string): void {
    clearTimeout(this.timers.get(pollId));
    this.timers.delete(pollId);
  }
}
