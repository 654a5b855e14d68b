import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { webAssets } from './web-assets';

/** Served by the API, Socket.IO and the metrics scrape: never a page of the client, whatever happens there. */
const SERVER_PATHS = /^\/(api|socket\.io|metrics)(\/|$)/;
/** Hashed build files: a missing one is a 404 (an old tab after a deployment), never the page. */
const ASSET_PATHS = /^\/assets(\/|$)/;

/**
 * The built web client (HELIX_WEB_DIR) on `/`. Hashed `/assets/*` come from webAssets (compressed, cached
 * for good); the few other files (favicon.svg) are cached for an hour; every other page is one the client
 * routes itself (`/r/<room>`, `/rooms/<id>/moderate`), so it gets index.html, revalidated on each load so
 * that a new deployment's asset names reach the next visit. Everything else passes on untouched: the
 * API's own answers, and its error answers (a broken or oversized body), stay the API's.
 *
 * With `publicUrl` (PUBLIC_URL), the page names that origin in a `helix-public-url` meta tag, so QR codes and
 * printed links carry the address people open, not whichever one the projector's browser was opened with.
 */
export function webClient(webDir: string, publicUrl?: string): Router {
  const router = Router();
  const index = join(webDir, 'index.html');
  // The API also runs without a built client: `npm run dev`, where Vite serves the client.
  if (!existsSync(index)) return router;
  const sendPage = (response: Response, next: NextFunction): void => {
    if (publicUrl === undefined) {
      response.sendFile(index, { cacheControl: false, headers: { 'Cache-Control': 'no-cache' } }, (error) => {
        // A page whose file vanished under a rebuild is a 404, not a 500; an aborted download needs nothing.
        if (error && !response.headersSent) next();
      });
      return;
    }
    // Read on each load, so a rebuilt client's asset names are the ones sent.
    readFile(index, 'utf8').then(
      (html) =>
        response
          .type('html')
          .setHeader('Cache-Control', 'no-cache')
          .send(withPublicUrl(html, new URL(publicUrl).origin)),
      () => next(),
    );
  };
  router.use('/assets', webAssets(join(webDir, 'assets')));
  router.get('/index.html', (_request, response, next) => sendPage(response, next));
  router.use(
    express.static(webDir, {
      index: false,
      maxAge: '1h',
      setHeaders: (response, path) => {
        if (basename(path) === 'index.html') response.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  router.use((request: Request, response: Response, next: NextFunction) => {
    if (!isClientPage(request)) return next();
    sendPage(response, next);
  });
  return router;
}

/** The page with the public origin in a meta tag the client reads (libs/web/data-access room-link.ts). */
function withPublicUrl(html: string, origin: string): string {
  const escaped = origin.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const tag = `<meta name="helix-public-url" content="${escaped}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + tag) : tag + html;
}

function isClientPage(request: Request): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !SERVER_PATHS.test(request.path) &&
    !ASSET_PATHS.test(request.path)
  );
}
