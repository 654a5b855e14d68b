import { RETRYABLE_ERROR_CODES, type AckError } from '@helix/contract';

/** Where a retry's wait starts and where it stops growing. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/**
 * The wait before retry number `attempt` (0 for the first): it doubles per attempt up to `maxMs`, and
 * only its lower half is fixed. A hall of phones that failed together (one Wi-Fi, one server restart)
 * then spreads its retries instead of arriving again all in the same instant.
 */
export function retryDelay(attempt: number, { baseMs, maxMs }: Backoff): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}

/** A fixed wait with the same spread: somewhere between half of `ms` and all of it. */
export function jittered(ms: number): number {
  return retryDelay(0, { baseMs: ms, maxMs: ms });
}

/** Whether the same request may succeed later (the server is busy or away), unlike a refusal. */
export function isRetryable(error: AckError['error']): boolean {
  return error.retryable || RETRYABLE_ERROR_CODES.includes(error.code);
}

/**
 * Socket.IO's own reconnection: a growing wait, each one moved by up to half of itself at random
 * (Socket.IO's randomizationFactor), so a hall does not reconnect in lockstep after a restart.
 */
export const SOCKET_RECONNECTION = {
  reconnectionDelay: 1_000,
  reconnectionDelayMax: 5_000,
  randomizationFactor: 0.5,
} as const;
