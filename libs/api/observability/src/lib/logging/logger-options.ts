import type { HelixConfig } from '@helix/api/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';

/** An id a proxy or client sent along is kept if it looks like one, so a request can be followed across hops. */
const INCOMING_REQUEST_ID = /^[\w.:-]{1,128}$/;
/** The room a REST request concerns, for the log line: `/api/rooms/<id>/...`. */
const ROOM_IN_PATH = /^\/api\/rooms\/([^/?#]+)/;
/** Probes every few seconds by Docker and HAProxy would drown the log. */
const PROBE_PATHS = /^\/api\/health\/(live|ready)(\?|$)/;
/** Query parameters whose values never reach the log (a sign-in link's token). */
const SECRET_QUERY = /([?&](?:token|access_token|refreshToken)=)[^&]*/gi;

/** What Express and passport add to a request by the time it is answered. */
type AnsweredRequest = IncomingMessage & { originalUrl?: string; user?: { id?: string } };

export function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && INCOMING_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

export function withoutSecrets(url: string): string {
  return url.replace(SECRET_QUERY, '$1***');
}

/**
 * pino for the whole app (nestjs-pino): JSON lines in production and under test, one pretty line each in
 * development. Each request's line carries its id (X-Request-Id, answered back), the signed-in user, the
 * room, the status and the duration; headers are not logged, so neither are tokens or cookies.
 */
export function loggerOptions(config: HelixConfig): Params {
  const env = config.get('NODE_ENV');
  return {
    // Every route, in path-to-regexp 8's words (nestjs-pino's default `*` draws a warning from Nest 11).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.get('LOG_LEVEL'),
      base: { service: 'helix', pid: process.pid },
      transport:
        env === 'development'
          ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
          : undefined,
      genReqId: requestIdOf,
      // The id on every line of the request, at the top level, where log tools index it.
      quietReqLogger: true,
      autoLogging: { ignore: (request) => PROBE_PATHS.test(request.url ?? '') },
      customAttributeKeys: { responseTime: 'durationMs', reqId: 'requestId' },
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
      // Asked at the start too, when nobody is signed in yet: only the answer's line carries them.
      customProps: (request: AnsweredRequest, response) =>
        response.headersSent
          ? {
              userId: request.user?.id,
              roomId: ROOM_IN_PATH.exec(request.originalUrl ?? request.url ?? '')?.[1],
            }
          : {},
      serializers: {
        req: (request: { method: string; url: string; remoteAddress?: string }) => ({
          method: request.method,
          url: withoutSecrets(request.url),
          remoteAddress: request.remoteAddress,
        }),
        res: (response: { statusCode: number }) => ({ status: response.statusCode }),
      },
    },
  };
}
