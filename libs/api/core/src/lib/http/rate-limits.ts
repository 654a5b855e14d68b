import { applyDecorators } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Throttle, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { HelixConfig } from '../config/helix-config';

interface TrackedRequest {
  ip?: string;
  user?: { id: string };
  body?: { email?: unknown };
}

/**
 * Rate limits are keyed on the person first: the signed-in account, or the email being signed in or
 * registered. The IP is only a loose outer bound, because in a forum hall hundreds of phones share the
 * venue's one public address: 500 people signing up and voting within minutes must all get through.
 */
export function personKey(request: TrackedRequest): string {
  if (request.user?.id) return `user:${request.user.id}`;
  const email = request.body?.email;
  if (typeof email === 'string' && email.length <= 254) return `email:${email.trim().toLowerCase()}`;
  return `ip:${request.ip ?? 'unknown'}`;
}

export function throttlerOptions(config: HelixConfig): ThrottlerModuleOptions {
  return {
    errorMessage: 'Too many requests: wait a moment and try again',
    throttlers: [
      {
        name: 'ip',
        ttl: 60_000,
        limit: config.get('RATE_LIMIT_IP_PER_MINUTE'),
        getTracker: (request: TrackedRequest) => request.ip ?? 'unknown',
      },
      {
        name: 'person',
        ttl: 60_000,
        limit: config.get('RATE_LIMIT_PERSON_PER_MINUTE'),
        getTracker: personKey,
      },
    ],
  };
}

const tooMany = ApiTooManyRequestsResponse({
  description: 'Rate limited; retry after the Retry-After seconds',
});

/** Registering: a few tries per email; a hall's worth of new accounts per IP. */
export const RegisterRateLimit = (): MethodDecorator =>
  applyDecorators(Throttle({ person: { limit: 5, ttl: 600_000 } }), tooMany);
/** Signing in: password guessing is slowed per account, whoever and wherever the guesser is. */
export const LoginRateLimit = (): MethodDecorator =>
  applyDecorators(Throttle({ person: { limit: 10, ttl: 60_000 } }), tooMany);
/** Posting and voting: a person taps a few times a second at most; a script does not get further. */
export const WriteRateLimit = (): MethodDecorator =>
  applyDecorators(Throttle({ person: { limit: 30, ttl: 10_000 } }), tooMany);
