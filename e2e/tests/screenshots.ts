import type { Locator, Page } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const artefacts = join(__dirname, '..', 'artifacts', 'screenshots');
const readmeShots = join(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * The pictures the README embeds, read from the README itself: the one list of them, so a picture it stops
 * showing is no longer refreshed, and one it starts showing is, by whichever test photographs that screen.
 */
const readmePictures = new Set(
  Array.from(
    readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8').matchAll(
      /docs\/screenshots\/([\w-]+)\.png/g,
    ),
    (match) => match[1],
  ),
);

/**
 * Photographs a page or a part of it as `name` into e2e/artifacts/screenshots/ for a person to look at; with
 * README_SCREENSHOTS=1 (`npm run screenshots`) a picture the README shows is copied over its docs/screenshots/ copy.
 */
export async function photograph(
  target: Page | Locator,
  name: string,
  { fullPage = false }: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(artefacts, { recursive: true });
  const path = join(artefacts, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path, animations: 'disabled', fullPage });
  else await target.screenshot({ path, animations: 'disabled' });
  if (process.env['README_SCREENSHOTS'] === '1' && readmePictures.has(name)) {
    mkdirSync(readmeShots, { recursive: true });
    copyFileSync(path, join(readmeShots, `${name}.png`));
  }
}
