import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOOPBACK_URL } from '../origins';
import { actAs, newParticipant, registerViaApi, sessionTokens, signUp, type Participant } from './support';

const ROOM = 'University and the economy of the city/region';
const ROOM_PATH = /\/rooms\/[0-9a-f]{24}$/;
const screenshots = join(__dirname, '..', 'artifacts', 'screenshots');

/** An account made over the API, for a visitor who is not signed in in this browser. */
async function registered(page: Page, overrides: Partial<Participant> = {}): Promise<Participant> {
  const who = newParticipant(overrides);
  await registerViaApi(page.request, who);
  return who;
}

/** The short link of a room as its Share dialog shows it (the path only: /r/<slug>). */
async function shortPathOf(page: Page, room: string): Promise<string> {
  await page.getByRole('link', { name: room }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByTestId('room-share-link').inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  return new URL(link).pathname;
}

async function freshPage(browser: Browser, language?: 'ru'): Promise<Page> {
  // The project's device (phone or desktop) and base URL apply to this context too.
  const context = await browser.newContext();
  if (language) {
    await context.addInitScript((lang) => localStorage.setItem('helix.lang', lang), language);
  }
  return context.newPage();
}

test('Share shows the room’s QR code and short link, and the link opens the room in one step', async ({
  browser,
  page,
  context,
}, testInfo) => {
  await signUp(page, newParticipant());
  await page.getByRole('link', { name: ROOM }).click();
  await expect(page).toHaveURL(ROOM_PATH);
  const roomUrl = page.url();

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: `Share “${ROOM}”` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img', { name: "QR code with the room's link" })).toBeVisible();
  const link = dialog.getByLabel('Short link');
  await expect(link).toHaveValue(/\/r\/university-and-the-economy-of-the-city-region$/);
  // At the venue's plain-HTTP address the browser has no Clipboard API: the link is left selected instead.
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    'Could not copy: the link is selected, copy it with the keyboard or the menu.',
  );
  const shortLink = await link.inputValue();
  expect(
    await link.evaluate((field: HTMLTextAreaElement) =>
      field.value.slice(field.selectionStart, field.selectionEnd),
    ),
  ).toBe(shortLink);
  const { violations } = await new AxeBuilder({ page })
    .include('dialog')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))).toEqual(
    [],
  );
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `join-en-${testInfo.project.name}.png`) });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share' })).toBeFocused();

  // Signed in, the short link goes straight into the room, in place of itself in the history.
  const shortPath = new URL(shortLink).pathname;
  const tab = await context.newPage();
  await tab.goto(shortPath);
  await expect(tab).toHaveURL(roomUrl);
  await expect(tab.getByRole('heading', { level: 1, name: ROOM })).toBeVisible();
  await tab.goBack();
  expect(tab.url()).not.toContain('/r/');

  // Where the page is a secure context (served over HTTPS, or opened on the machine itself), it copies.
  const secure = await browser.newContext({ baseURL: LOOPBACK_URL });
  await secure.grantPermissions(['clipboard-read', 'clipboard-write']);
  const onMachine = await secure.newPage();
  await actAs(onMachine, await sessionTokens(page), 'en');
  await onMachine.goto(new URL(roomUrl).pathname);
  await onMachine.getByRole('button', { name: 'Share' }).click();
  await onMachine.getByRole('button', { name: 'Copy link' }).click();
  await expect(onMachine.getByRole('dialog').getByRole('status')).toHaveText('Link copied.');
  expect(await onMachine.evaluate(() => navigator.clipboard.readText())).toBe(`${LOOPBACK_URL}${shortPath}`);
  await secure.close();
});

test('a signed-out visitor signs in, or signs up, and lands in the room of the link', async ({
  page,
  browser,
}) => {
  await signUp(page, newParticipant());
  const shortPath = await shortPathOf(page, ROOM);
  const roomUrl = page.url();

  const visitor = await freshPage(browser);
  const who = await registered(visitor);
  await visitor.goto(shortPath);
  await expect(visitor).toHaveURL(/\/sign-in$/);
  await visitor.getByLabel('Email').fill(who.email);
  await visitor.getByLabel('Password').fill(who.password);
  await visitor.getByRole('button', { name: 'Sign in' }).click();
  await expect(visitor).toHaveURL(roomUrl);
  await expect(visitor.getByRole('heading', { level: 1, name: ROOM })).toBeVisible();
  await visitor.context().close();

  // A first-time visitor goes from sign-in to "Create an account": the room is still where they land.
  const newcomer = await freshPage(browser);
  const fresh = newParticipant({ group: 'civil_society' });
  await newcomer.goto(shortPath);
  await newcomer.getByRole('link', { name: 'Create an account' }).click();
  await expect(newcomer).toHaveURL(/\/sign-up$/);
  await newcomer.getByLabel('Email').fill(fresh.email);
  await newcomer.getByLabel('Password').fill(fresh.password);
  await newcomer.getByLabel('Display name').fill(fresh.displayName);
  await newcomer.getByLabel('Organization').fill(fresh.organization);
  await newcomer.getByLabel('Stakeholder group').selectOption(fresh.group);
  await newcomer.getByRole('button', { name: 'Create account' }).click();
  await expect(newcomer).toHaveURL(roomUrl);
  await expect(newcomer.getByRole('heading', { level: 1, name: ROOM })).toBeVisible();
  await newcomer.context().close();
});

test('an unknown short link says so and leads to all rooms', async ({ page }) => {
  await signUp(page, newParticipant());
  await page.goto('/r/no-such-room-here');
  await expect(page.getByRole('heading', { level: 1, name: 'Room not found' })).toBeVisible();
  await expect(page.getByText('No room has the link “no-such-room-here”')).toBeVisible();
  await page.getByRole('link', { name: 'See all rooms' }).click();
  await expect(page).toHaveURL(/\/rooms$/);
  await expect(page.getByRole('heading', { name: /tracks/i })).toBeVisible();
});

test('in Russian, the server’s refusal is shown in Russian, and the link still lands in the room', async ({
  page,
  browser,
}, testInfo) => {
  await signUp(page, newParticipant());
  const shortPath = await shortPathOf(page, ROOM);
  const roomUrl = page.url();

  const visitor = await freshPage(browser, 'ru');
  const who = await registered(visitor);
  await visitor.goto(shortPath);
  await expect(visitor).toHaveURL(/\/sign-in$/);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
  await visitor.getByLabel('Эл. почта').fill(who.email);
  await visitor.getByLabel('Пароль').fill('not the password at all');
  await visitor.getByRole('button', { name: 'Войти' }).click();
  // The sentence comes from the API (Accept-Language: ru), not from the client's own strings.
  await expect(visitor.getByRole('alert')).toHaveText('Неверная эл. почта или пароль');
  mkdirSync(screenshots, { recursive: true });
  await visitor.screenshot({ path: join(screenshots, `join-ru-${testInfo.project.name}.png`) });

  await visitor.getByLabel('Пароль').fill(who.password);
  await visitor.getByRole('button', { name: 'Войти' }).click();
  await expect(visitor).toHaveURL(roomUrl);
  await expect(visitor.getByRole('button', { name: 'Поделиться' })).toBeVisible();

  await visitor.goto('/r/net-takoy-komnaty');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Комната не найдена' })).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Все комнаты' })).toBeVisible();
  await visitor.context().close();
});
