import type { Request } from 'express';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { languageOf, type RequestLanguage } from './request-language';

/** The cookie the web client keeps the reader's language in, besides localStorage (web data-access i18n.ts). */
export const LANGUAGE_COOKIE = 'helix.lang';

/** The reader's language for a page: their choice in the client (its cookie), else their Accept-Language. */
export function pageLanguage(request: Request): RequestLanguage {
  const chosen = cookieOf(request.headers.cookie, LANGUAGE_COOKIE);
  return chosen === 'ru' || chosen === 'en' ? chosen : languageOf(request.headers['accept-language']);
}

/**
 * The script of each language whose strings load apart from the app, from the build's manifest (Vite names
 * `…/i18n/ru.json` as `assets/ru-<hash>.js`); none without one, as with the API tests' stub client.
 */
export async function localeScripts(webDir: string): Promise<Partial<Record<string, string>>> {
  let manifest: Record<string, { file: string }>;
  try {
    manifest = JSON.parse(await readFile(join(webDir, '.vite', 'manifest.json'), 'utf8'));
  } catch {
    return {};
  }
  return Object.fromEntries(
    Object.entries(manifest).flatMap(([source, chunk]) => {
      const language = /\/i18n\/([a-z]{2})\.json$/.exec(source)?.[1];
      return language ? [[language, `/${chunk.file}`]] : [];
    }),
  );
}

/**
 * The page as one reader gets it. `<html lang>` names their language from the first byte, so a screen reader
 * reads the page right before the app has started. A language that loads apart is preloaded with the app,
 * not asked for once the app has run: on a phone at the venue that was the last 0.25 s before the first
 * screen in Russian. With `publicOrigin` (PUBLIC_URL), a `helix-public-url` meta tag names the address QR
 * codes and printed links carry (libs/web/data-access room-link.ts).
 */
export function pageFor(
  html: string,
  reader: { language: RequestLanguage; localeScript?: string; publicOrigin?: string },
): string {
  let page = html
    .replace(/<html([^>]*?)\s+lang="[^"]*"/i, '<html$1')
    .replace(/<html\b/i, `<html lang="${reader.language}"`);
  const tags = [
    reader.publicOrigin && `<meta name="helix-public-url" content="${escapeAttribute(reader.publicOrigin)}">`,
    reader.localeScript && `<link rel="modulepreload" href="${escapeAttribute(reader.localeScript)}">`,
  ].filter(Boolean);
  if (!tags.length) return page;
  const head = /<head[^>]*>/i;
  page = head.test(page) ? page.replace(head, (tag) => tag + tags.join('')) : tags.join('') + page;
  return page;
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
