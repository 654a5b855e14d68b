import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/** @nestjs/throttler answers a request over a named limit with `Retry-After-<name>`. */
const LIMITER_HEADER = /^retry-after-(.+)$/;

/**
 * Counts and times every request by its route pattern (`/api/rooms/:roomId/threads`, never the ids, so the
 * labels stay few); a request no route matched is `unmatched`, one the web client answered is `web`.
 */
export function httpMetrics(metrics: Metrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = performance.now();
    response.once('finish', () => {
      const route =
        (request.route as { path?: string } | undefined)?.path ??
        (request.originalUrl.startsWith('/api/') ? 'unmatched' : 'web');
      const labels = { method: request.method, route, status: String(response.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, Metrics.secondsSince(started));
      if (response.statusCode !== 429) return;
      const limiter = Object.keys(response.getHeaders())
        .map((header) => LIMITER_HEADER.exec(header)?.[1])
        .find(Boolean);
      metrics.rateLimited.inc({ limiter: `http:${limiter ?? 'other'}` });
    });
    next();
  };
}
