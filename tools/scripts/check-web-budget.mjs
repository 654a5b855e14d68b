// The web client's JavaScript budget: the initial JavaScript (the entry module and every module it
// preloads, as listed in the built index.html), gzipped at level 9, must stay within 200 KB.
// Run after `nx run web:build`; exits 1 when over budget or when the build output is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
const BUDGET_BYTES = BUDGET_KB * 1024;

const root = join(import.meta.dirname, '../..');
const webDist = join(root, 'dist/apps/web');
const indexHtml = join(webDist, 'index.html');

if (!existsSync(indexHtml)) {
  fail(`${indexHtml} is missing: build the web client first (npx nx run web:build).`);
}
const html = readFileSync(indexHtml, 'utf8');

/** The attributes of every `<tag ...>` in the page, names lower-cased. */
function tags(name) {
  const found = [];
  for (const [, body] of html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attributes = {};
    for (const [, key, , doubleQuoted, singleQuoted, bare] of body.matchAll(
      /([^\s=/]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g,
    )) {
      attributes[key.toLowerCase()] = doubleQuoted ?? singleQuoted ?? bare ?? '';
    }
    found.push(attributes);
  }
  return found;
}

const entries = tags('script')
  .filter((a) => a.type?.toLowerCase() === 'module' && a.src)
  .map((a) => a.src);
const preloads = tags('link')
  .filter((a) => a.rel?.toLowerCase().split(/\s+/).includes('modulepreload') && a.href)
  .map((a) => a.href);

if (entries.length === 0) fail(`${indexHtml} has no <script type="module" src>: not a Vite build?`);

const files = [...new Set([...entries, ...preloads])].map((url) => {
  if (/^([a-z][a-z0-9+.-]*:)?\/\//i.test(url)) fail(`${url} is not served by the web client itself.`);
  const path = normalize(join(webDist, decodeURIComponent(url.replace(/[?#].*$/, '').replace(/^\//, ''))));
  if (!path.startsWith(webDist + sep)) fail(`${url} points outside ${webDist}.`);
  if (!existsSync(path)) fail(`${url} is listed in index.html but ${path} is missing.`);
  return { url, gzip: gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }).length };
});

const total = files.reduce((sum, file) => sum + file.gzip, 0);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const over = total > BUDGET_BYTES;
console.log(
  `initial JS: ${kb(total)} KB gzip of ${BUDGET_KB} KB budget` +
    ` (${files.map((f) => `${f.url.split('/').pop()} ${kb(f.gzip)} KB`).join(', ')})` +
    (over ? ` — over by ${kb(total - BUDGET_BYTES)} KB` : ''),
);
process.exit(over ? 1 : 0);

function fail(message) {
  console.error(`Web budget check: ${message}`);
  process.exit(1);
}
