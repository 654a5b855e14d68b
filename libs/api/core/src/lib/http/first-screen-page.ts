import { FIRST_SCREEN_ELEMENT_ID, PAGE_SESSION_COOKIE, type FirstScreen } from '@helix/contract';
import { Logger } from '@nestjs/common';
import type { Request } from 'express';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cookieOf } from './client-page';
import type { RequestLanguage } from './request-language';

const logger = new Logger('FirstScreen');

/**
 * What a signed-in reader's first screen shows, from the access token in their page cookie; null when that
 * token no longer stands (expired, forged, its session ended). The app gathers it from the features that
 * own it (apps/api rooms-first-screen.ts); the page serving here only knows it is there.
 */
export abstract class FirstScreens {
  abstract of(accessToken: string, language: RequestLanguage): Promise<FirstScreen | null>;
}

/** The web build's server renderer (apps/web first-screen.server.tsx). */
interface Renderer {
  FIRST_SCREEN_PATHS: string[];
  renderFirstScreen(page: { path: string; language: RequestLanguage; screen: FirstScreen }): string;
}

const RENDERER_FILE = join('.ssr', 'first-screen.server.cjs');

/**
 * The renderer that came with the client build, loaded when first needed. None beside a client without one
 * (the API tests' stub client): then every page is the plain one. A client rebuilt under a running server
 * keeps its old renderer until the restart: its screen is replaced by the new app's a moment later anyway.
 */
export function firstScreenRenderer(webDir: string): () => Renderer | null {
  const file = join(webDir, RENDERER_FILE);
  let renderer: Renderer | null = null;
  return () => {
    if (!renderer && existsSync(file)) renderer = createRequire(file)(file) as Renderer;
    return renderer;
  };
}

/**
 * The page with its first screen in `#root`, rendered for the reader the page cookie names, and what it
 * was rendered from beside it for the app to start from; null when there is no such reader or screen, and
 * the plain page is sent. A failing renderer is the plain page too, never an error page: the app renders
 * the same screen itself a moment later.
 */
export async function firstScreenPage(
  html: string,
  request: Request,
  language: RequestLanguage,
  firstScreens: FirstScreens,
  renderer: Renderer | null,
): Promise<string | null> {
  const accessToken = cookieOf(request.headers.cookie, PAGE_SESSION_COOKIE);
  if (!renderer || !accessToken || !renderer.FIRST_SCREEN_PATHS.includes(request.path)) return null;
  const root = /<div id="root"><\/div>/;
  if (!root.test(html)) return null;
  let screen: FirstScreen | null;
  let rendered: string;
  try {
    screen = await firstScreens.of(accessToken, language);
    if (!screen) return null;
    rendered = renderer.renderFirstScreen({ path: request.path, language, screen });
  } catch (error) {
    logger.warn({ err: error }, 'the first screen was not rendered; the plain page went out');
    return null;
  }
  const data = `<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">${scriptSafeJson(screen)}</script>`;
  return html.replace(root, () => `<div id="root">${rendered}</div>${data}`);
}

/** JSON that cannot end its `<script>` or start markup, whatever the texts in it say. */
const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
