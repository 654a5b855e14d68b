import express, { type Express } from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { FirstScreens } from './first-screen-page';
import { webClient } from './web-client';

const INDEX = '<!doctype html><title>Helix</title><div id="root"></div>';

/** Nobody's token stands: every page is the plain one (first-screen-page.spec.ts has the rendered one). */
const noReader: FirstScreens = { of: () => Promise.resolve(null) };

/** The client under test, then what the API would answer for anything the client passes on. */
function appServing(webDir: string, publicUrl?: string): Express {
  const app = express();
  app.use(webClient(webDir, { publicUrl, firstScreens: noReader }));
  app.use((_request, response) => {
    response.status(404).json({ passedOn: true });
  });
  return app;
}

describe('webClient', () => {
  let dir: string;
  let app: Express;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helix-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'export {};');
    app = appServing(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['/', '/sign-in', '/r/tomsk-track', '/rooms/65f1c0ffee65f1c0ffee65f1/moderate', '/index.html'])(
    'answers %s with index.html, revalidated on every load',
    async (path) => {
      const response = await request(app).get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('private, no-cache');
      expect(response.text).toBe(INDEX);
    },
  );

  it('names PUBLIC_URL in every page, so QR codes carry the address people open', async () => {
    const withPublicUrl = appServing(dir, 'http://forum.example:8080/');
    for (const path of ['/', '/r/tomsk-track', '/index.html']) {
      const response = await request(withPublicUrl).get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('private, no-cache');
      expect(response.text).toBe(
        '<meta name="helix-public-url" content="http://forum.example:8080">' + INDEX,
      );
    }
  });

  it('answers HEAD of a page like GET, without the body', async () => {
    const response = await request(app).head('/r/tomsk-track').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.text).toBeUndefined();
  });

  it('sends other files for an hour and hashed assets for good', async () => {
    const favicon = await request(app).get('/favicon.svg').expect(200);
    expect(favicon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(favicon.headers['cache-control']).toBe('public, max-age=3600');
    const asset = await request(app).get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
  });

  it.each([
    ['get', '/api/nowhere'],
    ['get', '/api'],
    ['get', '/socket.io/?EIO=4&transport=polling'],
    ['get', '/assets/index-gone42.js'],
    ['post', '/r/tomsk-track'],
    ['delete', '/'],
  ] as const)('passes %s %s on to the API', async (method, path) => {
    const response = await request(app)[method](path);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ passedOn: true });
  });

  it('passes everything on when there is no built client', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'helix-no-web-'));
    try {
      const response = await request(appServing(empty)).get('/').expect(404);
      expect(response.body).toEqual({ passedOn: true });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  describe('a page made for its reader', () => {
    const PAGE = '<!doctype html><html lang="en"><head><title>Helix</title></head><body></body></html>';
    const RU_SCRIPT = '/assets/ru-Bck4G.js';
    let built: string;
    let client: Express;

    beforeAll(() => {
      built = mkdtempSync(join(tmpdir(), 'helix-web-built-'));
      mkdirSync(join(built, '.vite'));
      writeFileSync(join(built, 'index.html'), PAGE);
      writeFileSync(
        join(built, '.vite', 'manifest.json'),
        JSON.stringify({
          'index.html': { file: 'assets/index-abc123.js', isEntry: true },
          '../../libs/web/data-access/src/lib/i18n/ru.json': {
            file: RU_SCRIPT.slice(1),
            isDynamicEntry: true,
          },
        }),
      );
      client = appServing(built);
    });
    afterAll(() => rmSync(built, { recursive: true, force: true }));

    const page = (headers: Record<string, string>) => request(client).get('/rooms').set(headers).expect(200);
    const russian = `<!doctype html><html lang="ru"><head><link rel="modulepreload" href="${RU_SCRIPT}"><title>Helix</title></head><body></body></html>`;

    it('is in the language the browser asks for, with its strings preloaded beside the app', async () => {
      const response = await page({ 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.8' });
      expect(response.text).toBe(russian);
      expect(response.headers['vary']).toMatch(/Cookie.*Accept-Language/);
      expect((await page({ 'Accept-Language': 'en-GB' })).text).toBe(PAGE);
    });

    it('follows the language chosen in the client over the browser’s', async () => {
      expect((await page({ Cookie: 'theme=dark; helix.lang=ru', 'Accept-Language': 'en' })).text).toBe(
        russian,
      );
      expect((await page({ Cookie: 'helix.lang=en', 'Accept-Language': 'ru' })).text).toBe(PAGE);
    });

    it('takes a language it does not have as none chosen', async () => {
      for (const chosen of ['de', '"><script>', ''])
        expect((await page({ Cookie: `helix.lang=${chosen}`, 'Accept-Language': 'ru' })).text).toBe(russian);
    });

    it('sends a page with no html tag and no manifest as it was built', async () => {
      const response = await request(app).get('/rooms').set('Accept-Language', 'ru').expect(200);
      expect(response.text).toBe(INDEX);
    });
  });
});
