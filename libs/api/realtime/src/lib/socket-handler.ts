import { RETRYABLE_ERROR_CODES, type Ack, type AckError } from '@helix/contract';
import { currentLanguage, toErrorBody, type RequestLanguage } from '@helix/api/core';
import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { z } from 'zod';

/** The largest event payload a handler accepts; a 4000-character message fits with room to spare. */
export const SOCKET_MAX_EVENT_BYTES = 64 * 1024;

/** The deepest nesting an event may have; every contract payload is a few levels deep. */
export const SOCKET_MAX_EVENT_DEPTH = 32;

/**
 * Whether `value` nests deeper than `limit`, found without recursion: JSON.stringify and zod recurse, and a
 * payload nested 100,000 deep overflows their stack.
 */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.node === null || typeof next.node !== 'object') continue;
    if (next.depth >= limit) return true;
    for (const child of Object.values(next.node)) pending.push({ node: child, depth: next.depth + 1 });
  }
  return false;
}

/**
 * Runs a socket event handler so that nothing a client sends can throw out of it: the payload is
 * validated with the same schema as REST, and every failure becomes an error ack.
 */
export async function handleSocketEvent<S extends z.ZodType, R extends object>(
  schema: S,
  payload: unknown,
  handler: (input: z.output<S>) => Promise<R> | R,
): Promise<Ack<R>> {
  try {
    if (nestsDeeperThan(payload, SOCKET_MAX_EVENT_DEPTH)) {
      throw new BadRequestException(`An event may nest at most ${SOCKET_MAX_EVENT_DEPTH} levels deep`);
    }
    if (Buffer.byteLength(JSON.stringify(payload) ?? '') > SOCKET_MAX_EVENT_BYTES) {
      throw new PayloadTooLargeException(`An event may carry at most ${SOCKET_MAX_EVENT_BYTES / 1024} KB`);
    }
    const input = schema.parse(payload);
    const result = await handler(input);
    return { ok: true, ...result };
  } catch (error) {
    return toAckError(error);
  }
}

/** An error ack in the language of the socket whose event is being handled (see HelixIoAdapter). */
export function toAckError(error: unknown, language: RequestLanguage = currentLanguage()): AckError {
  const body = toErrorBody(error, language);
  const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  const code = body.code ?? 'INTERNAL';
  return { ok: false, error: { code, message, retryable: RETRYABLE_ERROR_CODES.includes(code) } };
}
