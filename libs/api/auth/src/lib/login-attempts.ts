import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HelixConfig, RetryLaterException } from '@helix/api/core';

const HOUR_MS = 60 * 60 * 1000;
/** The longest wait between tries from one address: about 17 minutes. */
const MAX_DELAY_SECONDS = 2 ** 10;

interface AddressFailures {
  count: number;
  lastAt: number;
}

interface EmailWindow {
  count: number;
  startedAt: number;
}

/** One sign-in in progress, counted as a failure until it ends otherwise. */
export interface LoginAttempt {
  /** The owner got in: this address starts again from nothing. */
  succeeded(): void;
  /** It ended without a verdict on the password (the database was away): it does not count. */
  undecided(): void;
}

/**
 * Slows password guessing without letting a stranger lock an account's owner out. Failures are counted per
 * email and address together: after RATE_LIMIT_LOGIN_FAILURES_BEFORE_DELAY of them, each further try from
 * that address waits 1, 2, 4… seconds, so the owner signing in from elsewhere, or after the wait, still gets
 * in. Across all addresses an email takes RATE_LIMIT_LOGIN_FAILURES_PER_HOUR failures, which stops guessing
 * spread over many addresses. Refused tries cost no password hashing and count for nothing.
 *
 * Each attempt counts as a failure from its start and is taken back when it succeeds, so that parallel
 * guesses, all still being hashed, cannot slip past the count together.
 */
@Injectable()
export class LoginAttempts implements OnModuleDestroy {
  private readonly byAddress = new Map<string, AddressFailures>();
  private readonly byEmail = new Map<string, EmailWindow>();
  private readonly freeAfter: number;
  private readonly perEmailPerHour: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(config: HelixConfig) {
    this.freeAfter = config.get('RATE_LIMIT_LOGIN_FAILURES_BEFORE_DELAY');
    this.perEmailPerHour = config.get('RATE_LIMIT_LOGIN_FAILURES_PER_HOUR');
    this.sweeper = setInterval(() => this.forgetOld(), 60_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Counts an attempt to sign in as `email` from `address`, or throws a 429 saying how long to wait. */
  begin(email: string, address: string): LoginAttempt {
    const now = Date.now();
    const addressKey = `${email}|${address}`;
    const failures = this.byAddress.get(addressKey) ?? { count: 0, lastAt: now };
    const window = this.currentWindow(email, now);
    if (window.count >= this.perEmailPerHour) {
      throw new RetryLaterException(
        'Too many failed sign-ins for this account; try again later',
        (window.startedAt + HOUR_MS - now) / 1000,
      );
    }
    const waitSeconds = this.delaySeconds(failures.count) - (now - failures.lastAt) / 1000;
    if (waitSeconds > 0) {
      throw new RetryLaterException(
        'Too many failed sign-ins from here; wait a moment and try again',
        waitSeconds,
      );
    }
    failures.count += 1;
    failures.lastAt = now;
    window.count += 1;
    this.byAddress.set(addressKey, failures);
    this.byEmail.set(email, window);
    const uncount = (): void => {
      window.count = Math.max(0, window.count - 1);
    };
    return {
      succeeded: () => {
        this.byAddress.delete(addressKey);
        uncount();
      },
      undecided: () => {
        failures.count = Math.max(0, failures.count - 1);
        uncount();
      },
    };
  }

  private delaySeconds(failures: number): number {
    return failures < this.freeAfter ? 0 : Math.min(2 ** (failures - this.freeAfter), MAX_DELAY_SECONDS);
  }

  private currentWindow(email: string, now: number): EmailWindow {
    const window = this.byEmail.get(email);
    return window && now - window.startedAt < HOUR_MS ? window : { count: 0, startedAt: now };
  }

  /** An address whose last failure is an hour old starts again from nothing, as does an ended window. */
  private forgetOld(): void {
    const now = Date.now();
    for (const [key, failures] of this.byAddress) {
      if (now - failures.lastAt >= HOUR_MS) this.byAddress.delete(key);
    }
    for (const [email, window] of this.byEmail) {
      if (now - window.startedAt >= HOUR_MS) this.byEmail.delete(email);
    }
  }
}
