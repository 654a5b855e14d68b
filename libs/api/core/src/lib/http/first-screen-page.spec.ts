import { FIRST_SCREEN_ELEMENT_ID, PAGE_SESSION_COOKIE, type FirstScreen } from '@helix/contract';
import express, { type Express } from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { FirstScreens } from './first-screen-page';
import { webClient } from './web-client';

const INDEX = '<!doctype html><html lang="en"><head></head><body><div id="root"></div></body></html>';
const TOKEN = 'a-token-that-stands';

const screen = (title: string): FirstScreen => ({
  me: {
    id: '65f1c0ffee65f1c0ffee65f1',
    email: 'reader@helix.test',
    displayName: 'Reader',
    organization: 'TSU',
    stakeholderGroup: 'university',
    roles: ['participant'],
    moderatedRoomIds: [],
  },
  rooms: [
    {
      id: '65f1c0ffee65f1c0ffee65f2',
      forumId: '65f1c0ffee65f1c0ffee65f3',
      slug: 'track',
      kind: 'track',
      title,
      description: '',
      keyQuestions: [],
      order: 0,
      archived: false,
      translations: { title: { en: title }, description: {}, keyQuestions: {} },
    },
  ],
});

/** The shape of the web build's renderer (apps/web first-screen.server.tsx), its output made plain. */
const RENDERER = `
exports.FIRST_SCREEN_PATHS = ['/rooms'];
exports.renderFirstScreen = ({ path, language, screen }) => {
  if (screen.rooms[0].title === 'breaks the renderer') throw new Error('rendering failed');
  return '<p data-path="' + path + '" data-language="' + language + '">' +
    screen.rooms.length + ' rooms</p>';
};`;

describe('a first screen rendered by the server', () => {
  let dir: string;
  let app: Express;
  let title: string;
  const asked: string[] = [];
  const firstScreens: FirstScreens = {
    of: (token, language) => {
      asked.push(`${token} ${language}`);
      return Promise.resolve(token === TOKEN ? screen(title) : null);
    },
  };
  const page = (path: string, cookie?: string) => {
    const call = request(app).get(path);
    return cookie === undefined ? call : call.set('Cookie', cookie);
  };
  const dataOf = (html: string): unknown => {
    const match = new RegExp(
      `<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">(.*?)</script>`,
    ).exec(html);
    return match ? JSON.parse(match[1]) : null;
  };

  beforeEach(() => {
    title = 'Track one';
    asked.length = 0;
    dir = mkdtempSync(join(tmpdir(), 'helix-first-screen-'));
    mkdirSync(join(dir, '.ssr'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, '.ssr', 'first-screen.server.cjs'), RENDERER);
    app = express().use(webClient(dir, { firstScreens }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('puts the reader’s screen in #root, in their language, and what it shows beside it', async () => {
    const response = await page('/rooms', `helix.lang=ru; ${PAGE_SESSION_COOKIE}=${TOKEN}`).expect(200);
    expect(response.text).toContain(
      '<div id="root"><p data-path="/rooms" data-language="ru">1 rooms</p></div>',
    );
    expect(dataOf(response.text)).toEqual(screen('Track one'));
    expect(asked).toEqual([`${TOKEN} ru`]);
    // One person's page: no shared cache may keep it for another.
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.headers['vary']).toMatch(/Cookie/);
  });

  it('keeps a text that closes the script inside the data', async () => {
    title = '</script><script>alert(1)</script> & \u2028';
    const response = await page('/rooms', `${PAGE_SESSION_COOKIE}=${TOKEN}`).expect(200);
    expect(response.text.match(/<script/g)).toHaveLength(1);
    expect((dataOf(response.text) as FirstScreen).rooms[0].title).toBe(title);
  });

  it.each([
    ['without the cookie', '/rooms', undefined],
    ['with a token that does not stand', '/rooms', `${PAGE_SESSION_COOKIE}=forged`],
    ['on a page it does not render', '/sign-in', `${PAGE_SESSION_COOKIE}=${TOKEN}`],
  ])('sends the plain page %s', async (_case, path, cookie) => {
    const response = await page(path, cookie).expect(200);
    expect(response.text).toBe(INDEX);
    if (path === '/sign-in') expect(asked).toEqual([]);
  });

  it('sends the plain page when rendering fails', async () => {
    title = 'breaks the renderer';
    const response = await page('/rooms', `${PAGE_SESSION_COOKIE}=${TOKEN}`).expect(200);
    expect(response.text).toBe(INDEX);
  });

  it('sends the plain page beside a client built without a renderer', async () => {
    rmSync(join(dir, '.ssr'), { recursive: true });
    const response = await page('/rooms', `${PAGE_SESSION_COOKIE}=${TOKEN}`).expect(200);
    expect(response.text).toBe(INDEX);
  });

  it('never serves the renderer itself', async () => {
    const response = await page('/.ssr/first-screen.server.cjs').expect(200);
    expect(response.text).toBe(INDEX);
  });
});
