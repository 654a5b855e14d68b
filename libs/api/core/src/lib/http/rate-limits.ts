import { applyDecorators, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { normalizeIp, SkipThrottle, Throttle, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { HelixConfig } from '../config/helix-config';

interface TrackedRequest {
  ip?: string;
  method?: string;
  user?: { id: string };
  body?: { email?: unknown; refreshToken?: unknown; token?: unknown };
}

/** The client's address; an IPv6 one by its /64, since one host is often given the whole of it. */
export function clientAddress(request: TrackedRequest): string {
  return request.ip ? normalizeIp(request.ip) : 'unknown';
}

function emailOf(request: TrackedRequest): string | undefined {
  const email = request.body?.email;
  return typeof email === 'string' && email.length <= 254 ? email.trim().toLowerCase() : undefined;
}

/**
 * Rate limits are keyed on the person first: the signed-in account, or the email being registered. The IP
 * is only a loose outer bound, because in a forum hall hundreds of phones share the venue's one public
 * address: 500 people signing up and voting within minutes must all get through.
 */
export function personKey(request: TrackedRequest): string {
  if (request.user?.id) return `user:${request.user.id}`;
  const email = emailOf(request);
  if (email) return `email:${email}`;
  return `ip:${clientAddress(request)}`;
}

/** Signing in: an email together with the address, so a stranger elsewhere cannot use up the owner's tries. */
function emailAndAddressKey(request: TrackedRequest): string {
  return `login:${emailOf(request) ?? ''}|${clientAddress(request)}`;
}

/**
 * Requests that carry a token instead of an access token (renewing or ending a session, opening a badge
 * link): counted per token, by its hash. Keyed on the address, one person could use up the whole hall's.
 */
const bodyTokenKey =
  (field: 'refreshToken' | 'token') =>
  (request: TrackedRequest): string => {
    const token = request.body?.[field];
    if (typeof token !== 'string' || token.length > 4096) return `ip:${clientAddress(request)}`;
    return `${field}:${createHash('sha256').update(token).digest('base64url')}`;
  };
const refreshTokenKey = bodyTokenKey('refreshToken');
const badgeTokenKey = bodyTokenKey('token');

/** The names of the throttlers below; NoRateLimit skips each. */
const THROTTLERS = ['ip', 'person', 'write', 'create'] as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CREATES = 'helix:rate-limit:creates';

const isWrite = (context: ExecutionContext): boolean =>
  !SAFE_METHODS.has(context.switchToHttp().getRequest<TrackedRequest>().method ?? 'GET');
const isCreation = (context: ExecutionContext): boolean =>
  Reflect.getMetadata(CREATES, context.getHandler()) === true;

/**
 * Each limit counts per route (the throttler's key is route + limit name + tracker): every request is
 * bounded per address and per person; every write, and more tightly every creation, per person as well.
 */
export function throttlerOptions(config: HelixConfig): ThrottlerModuleOptions {
  return {
    errorMessage: 'Too many requests: wait a moment and try again',
    throttlers: [
      {
        name: 'ip',
        ttl: 60_000,
        limit: config.get('RATE_LIMIT_IP_PER_MINUTE'),
        getTracker: clientAddress,
      },
      {
        name: 'person',
        ttl: 60_000,
        limit: config.get('RATE_LIMIT_PERSON_PER_MINUTE'),
        getTracker: personKey,
      },
      {
        name: 'write',
        ttl: 10_000,
        limit: config.get('RATE_LIMIT_PERSON_WRITES_PER_10S'),
        getTracker: personKey,
        skipIf: (context) => !isWrite(context),
      },
      {
        name: 'create',
        ttl: 60_000,
        limit: config.get('RATE_LIMIT_CREATE_PER_MINUTE'),
        getTracker: personKey,
        skipIf: (context) => !isCreation(context),
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
/**
 * Signing in: counted per email and address together. Failed passwords are slowed further by the login
 * itself (LoginAttempts in the auth library), which needs to know how each attempt ended.
 */
export const LoginRateLimit = (): MethodDecorator =>
  applyDecorators(
    Throttle({ person: { getTracker: emailAndAddressKey }, write: { getTracker: emailAndAddressKey } }),
    tooMany,
  );
/** Refreshing and logging out: counted per refresh token. */
export const RefreshTokenRateLimit = (): MethodDecorator =>
  applyDecorators(
    Throttle({ person: { getTracker: refreshTokenKey }, write: { getTracker: refreshTokenKey } }),
    tooMany,
  );
/**
 * Opening a badge link: counted per badge, a few a minute (one person's devices), with a bound per address
 * loose enough for a whole hall scanning its badges at the door behind one NAT.
 */
export const BadgeLinkRateLimit = (): MethodDecorator =>
  applyDecorators(
    Throttle({
      person: { limit: 10, ttl: 60_000, getTracker: badgeTokenKey },
      write: { getTracker: badgeTokenKey },
      ip: { limit: 600, ttl: 60_000 },
    }),
    tooMany,
  );
/** Creating something others see in a room (a thread, a poll, a question, an initiative): a few a minute. */
export const CreateRateLimit = (): MethodDecorator => applyDecorators(SetMetadata(CREATES, true), tooMany);

/** Probes and scrapes: Docker, HAProxy and Prometheus ask every few seconds, and must never be refused. */
export const NoRateLimit = (): MethodDecorator & ClassDecorator =>
  SkipThrottle(Object.fromEntries(THROTTLERS.map((name) => [name, true])));
/**
 * Asking for an e-mailed link: a few per email (each one is a message in someone's inbox), and a bound per
 * address loose enough for a hall behind one NAT.
 */
export const EmailLinkRateLimit = (): MethodDecorator =>
  applyDecorators(
    Throttle({ person: { limit: 5, ttl: 900_000 }, ip: { limit: 300, ttl: 600_000 } }),
    tooMany,
  );
