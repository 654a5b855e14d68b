import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { localeScripts, pageFor, pageLanguage } from './client-page';
import { firstScreenPage, firstScreenRenderer, type FirstScreens } from './first-screen-page';
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
 * Each page is made for its reader (client-page.ts): their language, its strings preloaded, and PUBLIC_URL's
 * origin, so QR codes and printed links carry the address people open, not whichever one the projector's
 * browser was opened with. A signed-in reader's rooms list comes rendered (first-screen-page.ts), so it is
 * `private`: a shared cache must never hand one person's page to another.
 */
export function webClient(
  webDir: string,
  options: { publicUrl?: string; firstScreens: FirstScreens },
): Router {
  const { publicUrl, firstScreens } = options;
  const router = Router();
  const index = join(webDir, 'index.html');
  // The API also runs without a built client: `npm run dev`, where Vite serves the client.
  if (!existsSync(index)) return router;
  const publicOrigin = publicUrl === undefined ? undefined : new URL(publicUrl).origin;
  const renderer = firstScreenRenderer(webDir);
  // Read on each load, so a rebuilt client's asset names are the ones sent.
  const sendPage = (request: Request, response: Response, next: NextFunction): void => {
    Promise.all([readFile(index, 'utf8'), localeScripts(webDir)])
      .then(
        async ([html, scripts]) => {
          const language = pageLanguage(request);
          const page = pageFor(html, { language, localeScript: scripts[language], publicOrigin });
          const rendered = await firstScreenPage(page, request, language, firstScreens, renderer());
          response
            .type('html')
            .setHeader('Cache-Control', 'private, no-cache')
            .vary('Cookie')
            .vary('Accept-Language')
            .send(rendered ?? page);
        },
        // A page whose file vanished under a rebuild is a 404, not a 500.
        () => next(),
      )
      .catch(next);
  };
  router.use('/assets', webAssets(join(webDir, 'assets')));
  router.get('/index.html', (request, response, next) => sendPage(request, response, next));
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
    sendPage(request, response, next);
  });
  return router;
}

function isClientPage(request: Request): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !SERVER_PATHS.test(request.path) &&
    !ASSET_PATHS.test(request.path)
  );
}
