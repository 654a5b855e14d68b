import { expect, test, type BrowserContext } from '@playwright/test';
import { LOOPBACK_URL } from '../origins';
import { accessToken, chooseLanguage, newParticipant, openHeaderMenu, signUp } from './support';

type Room = { id: string; title: string; kind: string };

/** The page the server sends for `path` to whoever holds this context's cookies, before any script runs. */
async function pageAsSent(context: BrowserContext, path: string): Promise<string> {
  const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
  const response = await context.request.get(`${LOOPBACK_URL}${path}`, { headers: { Cookie: cookie } });
  expect(response.status()).toBe(200);
  return response.text();
}

// A phone at the venue downloads the app's scripts for ~1.5 s (`npm run bench -- --only first-paint`):
// a signed-in reader's rooms list comes rendered by the server, in their language, and the app takes it
// over from the same answers without a spinner in between.
test('a signed-in reader’s rooms come rendered by the server, and the app takes them over', async ({
  page,
  browser,
  baseURL,
}) => {
  await signUp(page, newParticipant());
  await chooseLanguage(page, 'ru');
  const token = await accessToken(page);
  const rooms = await page.request
    .get(`${LOOPBACK_URL}/api/rooms`, {
      headers: { Authorization: `Bearer ${token}`, 'Accept-Language': 'ru' },
    })
    .then((response) => response.json() as Promise<Room[]>);
  const first = rooms.find((room) => room.kind === 'track') as Room;

  // The client mirrors its access token in the page cookie, and the server renders from it.
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === 'helix.session')).toMatchObject({
    value: token,
    sameSite: 'Lax',
    path: '/',
  });
  const sent = await pageAsSent(page.context(), '/rooms');
  expect(sent).toContain('<div id="root"><div class="hx-shell">');
  expect(sent).toContain(`>${first.title}</a>`);
  expect(sent).toContain('Комнаты');

  // Without scripts at all, the reader already sees their rooms, in Russian.
  const noScripts = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    baseURL,
  });
  const still = await noScripts.newPage();
  await still.goto('/rooms');
  await expect(still.getByRole('heading', { level: 1, name: 'Комнаты' })).toBeVisible();
  await expect(still.getByRole('link', { name: first.title })).toBeVisible();
  await noScripts.close();

  // With scripts, the app starts from what the page brought: it never shows a spinner, asks for neither
  // the user nor the rooms again, and its own links are what opens a room (no new page).
  await page.addInitScript(() => {
    const seen = { spinner: false };
    Object.defineProperty(window, '__firstScreen', { value: seen });
    new MutationObserver(() => {
      if (document.querySelector('.hx-spinner')) seen.spinner = true;
    }).observe(document, { childList: true, subtree: true });
  });
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.reload();
  await expect(page.getByRole('link', { name: first.title })).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  expect(
    await page.evaluate(() => (window as unknown as { __firstScreen: { spinner: boolean } }).__firstScreen),
  ).toEqual({
    spinner: false,
  });
  expect(asked.filter((path) => path === '/api/rooms' || path === '/api/auth/me')).toEqual([]);
  const documents: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.push(request.url());
  });
  await page.getByRole('link', { name: first.title }).click();
  await expect(page).toHaveURL(new RegExp(`/rooms/${first.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
  expect(documents).toEqual([]);

  // Signed out, the cookie is gone and so is the rendered screen; the old token renders nothing either.
  await page.goto('/rooms');
  await openHeaderMenu(page);
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('helix.session');
  expect(await pageAsSent(page.context(), '/rooms')).toContain('<div id="root"></div>');
  const replayed = await page.request.get(`${LOOPBACK_URL}/rooms`, {
    headers: { Cookie: `helix.session=${token}` },
  });
  expect(await replayed.text()).toContain('<div id="root"></div>');
  // The API itself never takes the cookie for a session.
  const me = await page.request.get(`${LOOPBACK_URL}/api/auth/me`, {
    headers: { Cookie: `helix.session=${token}` },
  });
  expect(me.status()).toBe(401);
});
