import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { LOOPBACK_URL } from '../origins';

/**
 * An API address for a request the test runner makes itself (`request`, `page.request`): those run in Node,
 * which cannot resolve the venue name the browser uses, so they go to the same server on loopback.
 */
export const apiUrl = (path: string): string => `${LOOPBACK_URL}/api${path}`;

export interface Participant {
  email: string;
  password: string;
  displayName: string;
  organization: string;
  group: 'university' | 'business' | 'government' | 'civil_society';
}

export function newParticipant(overrides: Partial<Participant> = {}): Participant {
  const id = randomBytes(4).toString('hex');
  return {
    email: `p-${id}@forum.test`,
    password: 'forum password 2026',
    displayName: `Participant ${id}`,
    organization: 'Tomsk State University',
    group: 'university',
    ...overrides,
  };
}

/** Signs up through the web client, as a participant does on the first visit. */
export async function signUp(page: Page, who: Participant): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('link', { name: /create (an )?account/i })
    .first()
    .click();
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByLabel('Display name').fill(who.displayName);
  await page.getByLabel('Organization').fill(who.organization);
  await page.getByLabel('Stakeholder group').selectOption(who.group);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: /tracks/i })).toBeVisible();
}

/** The admin of the test server (`ADMIN_EMAILS` in the Playwright config). */
const CHAIR: Participant = {
  email: 'chair@forum.test',
  password: 'chair password 2026',
  displayName: 'Forum Chair',
  organization: 'Forum Secretariat',
  group: 'government',
};

/** Key under which the web client keeps its tokens in localStorage. */
const TOKEN_STORAGE_KEY = 'helix.tokens';

/** The chair's token, kept for the run: the API allows an email only a few registrations and sign-ins. */
let chairToken: { value: string; at: number } | null = null;
/** Access tokens live 15 minutes; a kept one is used for 10. */
const CHAIR_TOKEN_REUSE_MS = 10 * 60_000;

/**
 * The admin's access token. The desktop and phone projects share one server, so the chair registers
 * once per run and signs in when the token kept from earlier tests is too old (or the worker restarted).
 */
export async function chairAccessToken(request: APIRequestContext): Promise<string> {
  if (chairToken && Date.now() - chairToken.at < CHAIR_TOKEN_REUSE_MS) return chairToken.value;
  const signedIn = await request.post(apiUrl('/auth/login'), {
    data: { email: CHAIR.email, password: CHAIR.password },
  });
  let response = signedIn;
  if (signedIn.status() === 401) {
    response = await request.post(apiUrl('/auth/register'), {
      data: {
        email: CHAIR.email,
        password: CHAIR.password,
        displayName: CHAIR.displayName,
        organization: CHAIR.organization,
        stakeholderGroup: CHAIR.group,
      },
    });
  }
  expect(response.ok(), `the chair signs in or registers: ${response.status()}`).toBe(true);
  chairToken = { value: ((await response.json()) as { accessToken: string }).accessToken, at: Date.now() };
  return chairToken.value;
}

/** A whole session of the admin (both tokens), for a test that acts as the chair in the browser. */
export async function chairSession(request: APIRequestContext): Promise<SessionTokens> {
  await chairAccessToken(request);
  const response = await request.post(apiUrl('/auth/login'), {
    data: { email: CHAIR.email, password: CHAIR.password },
  });
  expect(response.ok(), `the chair signs in: ${response.status()}`).toBe(true);
  return (await response.json()) as SessionTokens;
}

export async function signIn(page: Page, who: Pick<Participant, 'email' | 'password'>): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /tracks/i })).toBeVisible();
}

/**
 * Signs a fresh participant up in the page, has the admin make them a moderator over the API, then
 * signs them in again: roles travel in the access token, so the old one still says participant.
 */
export async function signUpModerator(page: Page, who: Participant = newParticipant()): Promise<Participant> {
  await signUp(page, who);
  const tokens = await page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { accessToken: string } | null,
    TOKEN_STORAGE_KEY,
  );
  expect(tokens, 'the web client keeps the session tokens').not.toBeNull();
  const me = await page.request.get(apiUrl('/auth/me'), {
    headers: { Authorization: `Bearer ${tokens?.accessToken}` },
  });
  expect(me.ok()).toBe(true);
  const { id } = (await me.json()) as { id: string };

  const adminToken = await chairAccessToken(page.request);
  const promoted = await page.request.patch(apiUrl(`/users/${id}/roles`), {
    headers: { Authorization: `Bearer ${adminToken}` },
    data: { roles: ['moderator'] },
  });
  expect(promoted.ok(), 'the admin makes them a moderator').toBe(true);
  expect(((await promoted.json()) as { roles: string[] }).roles).toContain('moderator');

  await openHeaderMenu(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, who);
  return who;
}

type SessionTokens = { accessToken: string; refreshToken: string };

/** The tokens the web client keeps for this page's session. */
export async function sessionTokens(page: Page): Promise<SessionTokens> {
  const tokens = await page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as SessionTokens | null,
    TOKEN_STORAGE_KEY,
  );
  expect(tokens, 'the web client keeps the session tokens').not.toBeNull();
  return tokens as SessionTokens;
}

/** The access token the web client keeps for this page's session. */
export async function accessToken(page: Page): Promise<string> {
  return (await sessionTokens(page)).accessToken;
}

/** Calls the API with `token` and returns the JSON answer; anything but 2xx fails the test. */
export async function api<T>(
  request: APIRequestContext,
  token: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(apiUrl(path), {
    method,
    headers: { Authorization: `Bearer ${token}` },
    data,
  });
  expect(response.ok(), `${method} ${path} → ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * Opens the header's language-and-account menu where the screen folds them behind a button (a phone);
 * on a wide screen, or signed out, they are in the header row and nothing is pressed. Says whether it
 * opened the menu, so that a helper can close it again.
 */
export async function openHeaderMenu(page: Page): Promise<boolean> {
  const language = page.getByLabel(/^(Language|Язык)$/);
  const menu = page.getByRole('button', { name: /^(Language and account|Язык и учётная запись)$/ });
  await expect(language.or(menu).filter({ visible: true }).first()).toBeVisible();
  if (!(await menu.isVisible()) || (await menu.getAttribute('aria-expanded')) === 'true') return false;
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  return true;
}

/** Switches the web client's language with the header's selector, leaving the header as it found it. */
export async function chooseLanguage(page: Page, language: 'en' | 'ru'): Promise<void> {
  const opened = await openHeaderMenu(page);
  await page.getByLabel(/^(Language|Язык)$/).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  if (opened) {
    await page.keyboard.press('Escape');
    await expect(page.getByLabel(/^(Language|Язык)$/)).toBeHidden();
  }
}

/** Registers through the API (no browser): for scenes a test sets up rather than exercises. */
export async function registerViaApi(
  request: APIRequestContext,
  who: Participant,
): Promise<{ accessToken: string; refreshToken: string; user: { id: string } }> {
  const response = await request.post(apiUrl('/auth/register'), {
    data: {
      email: who.email,
      password: who.password,
      displayName: who.displayName,
      organization: who.organization,
      stakeholderGroup: who.group,
    },
  });
  expect(response.ok(), `register ${who.email}: ${response.status()}`).toBe(true);
  return (await response.json()) as { accessToken: string; refreshToken: string; user: { id: string } };
}

/** Opens the web client in `page` as the holder of `tokens`, in `language`, without the sign-in form. */
export async function actAs(
  page: Page,
  tokens: { accessToken: string; refreshToken: string },
  language: 'en' | 'ru',
): Promise<void> {
  await page.addInitScript(
    ([tokenKey, value, lang]) => {
      localStorage.setItem(tokenKey, value);
      localStorage.setItem('helix.lang', lang);
    },
    [TOKEN_STORAGE_KEY, JSON.stringify(tokens), language] as const,
  );
}

/** A message's "⋯" button, which opens its one menu of actions. */
export function messageMenuButton(message: Locator): Locator {
  return message.getByRole('button', { name: /^(More actions|Ещё действия) \(/ });
}

/** Opens a message's menu of actions with its "⋯" button and returns the menu. */
export async function openMessageMenu(message: Locator): Promise<Locator> {
  await messageMenuButton(message).click();
  const menu = message.page().getByRole('menu');
  await expect(menu).toBeVisible();
  return menu;
}
