import type { RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * The web client's hashed build files (`/assets/*`), sent as the Brotli or gzip file the build wrote next
 * to each one when the browser accepts it: a phone on a slow hall network then loads about a third of the
 * bytes, and the server compresses nothing per request. A file name changes with its content, so it is
 * cached for a year and never revalidated.
 */
export function webAssets(assetsDir: string): RequestHandler {
  return expressStaticGzip(assetsDir, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    index: false,
    serveStatic: { immutable: true, maxAge: '1y', index: false },
  });
}
