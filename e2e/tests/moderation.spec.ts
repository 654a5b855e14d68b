import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  accessToken,
  apiUrl,
  chooseLanguage,
  newParticipant,
  openMessageMenu,
  signUp,
  signUpModerator,
} from './support';

const ROOM = 'University in an urban ecosystem';
/** The same room as a Russian reader sees it: the server words room names in the reader's language. */
const ROOM_RU = 'Университет в городской экосистеме';
const screenshots = join(__dirname, '..', 'artifacts', 'screenshots');

const consoleThread = (page: Page, title: string): Locator =>
  page.getByTestId('console-thread').filter({ has: page.getByRole('link', { name: title }) });

const consolePoll = (page: Page, question: string): Locator =>
  page.getByTestId('console-poll').filter({ has: page.getByRole('heading', { name: question }) });

test('a moderator runs a room from the console: threads, hiding, presence, projector and the log', async ({
  page: moderator,
  context,
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  const run = randomBytes(3).toString('hex');
  const threadTitle = `Data sharing with the city (${run})`;
  const secret = `Call my private number 8-900-${run} any time`;
  const reason = 'Personal phone numbers are not shared in the forum';
  const question = `Which data should the city open first? (${run})`;

  await signUpModerator(moderator, newParticipant({ group: 'government', organization: 'City Hall' }));
  await moderator.getByRole('link', { name: ROOM }).click();
  const roomPath = new URL(moderator.url()).pathname;
  const roomId = roomPath.split('/').pop() ?? '';
  expect(roomId).toMatch(/^[0-9a-f]{24}$/);

  // A participant from business starts a thread and writes in it, from their own device.
  const phone = await browser.newContext();
  try {
    const participant = await phone.newPage();
    await signUp(participant, newParticipant({ group: 'business', organization: 'Tomsk Data Lab' }));
    await participant.goto(roomPath);
    // Participants have no way into the console from the room.
    await expect(participant.getByRole('heading', { level: 1, name: ROOM })).toBeVisible();
    await expect(participant.getByRole('link', { name: 'Moderate' })).toHaveCount(0);
    await participant.getByLabel('New thread title').fill(threadTitle);
    await expect(participant.getByLabel('New thread title')).toHaveValue(threadTitle);
    await participant.getByRole('button', { name: 'Start thread' }).click();
    // A new thread opens by itself.
    await expect(participant.getByRole('heading', { level: 1, name: threadTitle })).toBeVisible();
    await participant.getByLabel('Message').fill(secret);
    await participant.getByRole('button', { name: 'Send' }).click();
    const message = participant.getByTestId('message').filter({ hasText: `8-900-${run}` });
    await expect(message).toHaveAttribute('data-state', 'sent');

    // The moderator opens the console from the room header (loaded on demand).
    await moderator.getByRole('link', { name: 'Moderate' }).click();
    await expect(moderator).toHaveURL(new RegExp(`/rooms/${roomId}/moderate$`));
    await expect(moderator.getByRole('heading', { level: 1, name: `Moderate: ${ROOM}` })).toBeVisible();

    // Who is here, per stakeholder group: the moderator (government) and the participant (business).
    const online = moderator.getByTestId('online-by-group');
    await expect(online.getByTestId('online-total')).toHaveText('2 people in the room');
    await expect(online.getByTestId('online-government')).toContainText('1');
    await expect(online.getByTestId('online-business')).toContainText('1');
    await expect(online.getByTestId('online-university')).toContainText('0');

    // Pin, lock and resolve the thread; the participant's page follows live.
    const thread = consoleThread(moderator, threadTitle);
    await thread.getByRole('button', { name: 'Pin' }).click();
    await expect(thread.getByRole('button', { name: 'Unpin' })).toHaveAttribute('aria-pressed', 'true');
    await thread.getByRole('button', { name: 'Lock' }).click();
    await expect(thread.getByRole('button', { name: 'Unlock' })).toHaveAttribute('aria-pressed', 'true');
    await thread.getByRole('button', { name: 'Mark resolved' }).click();
    await expect(thread.getByRole('button', { name: 'Mark unresolved' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(thread.getByText('Resolved', { exact: true })).toBeVisible();
    await expect(participant.getByText('Resolved', { exact: true })).toBeVisible();
    await expect(participant.getByText('This thread is locked: no new messages.')).toBeVisible();

    // Hide the participant's message, with a reason, from the thread itself.
    await thread.getByRole('link', { name: threadTitle }).click();
    const target = moderator.getByTestId('message').filter({ hasText: `8-900-${run}` });
    const hiddenId = await target.getAttribute('data-message-id');
    await (await openMessageMenu(target)).getByRole('menuitem', { name: 'Hide…' }).click();
    const dialog = moderator.getByRole('dialog', { name: 'Hide this message?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Reason')).toBeFocused();
    await dialog.getByRole('button', { name: 'Hide message' }).click();
    await expect(dialog.getByText('Give a reason for hiding the message.')).toBeVisible();
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Hide message' }).click();
    await expect(dialog).toBeHidden();
    const hidden = moderator.locator(`[data-message-id="${hiddenId}"]`);
    await expect(hidden.getByTestId('message-hidden')).toHaveText(`Hidden by a moderator: ${reason}`);
    await expect(hidden).toBeFocused();

    // Everyone else sees the reason in its place, live, and the text is gone from their page.
    const placeholder = participant.locator(`[data-message-id="${hiddenId}"]`).getByTestId('message-hidden');
    await expect(placeholder).toHaveText(`Hidden by a moderator: ${reason}`);
    await expect(participant.getByText(`8-900-${run}`)).toHaveCount(0);

    // Back in the console the log has every action, newest first; the hidden text is only here.
    await moderator.goBack();
    await expect(moderator).toHaveURL(new RegExp(`/rooms/${roomId}/moderate$`));
    const log = moderator.getByTestId('moderation-log');
    const entries = log.getByTestId('moderation-entry');
    await expect(entries.nth(0)).toHaveAttribute('data-action', 'message.hidden');
    await expect(entries.nth(0)).toContainText('Message hidden');
    await expect(entries.nth(0)).toContainText(`Reason: ${reason}`);
    await expect(entries.nth(0)).toContainText(secret);
    await expect(entries.nth(0)).toContainText('City Hall');
    await expect(entries.nth(1)).toContainText(`Thread marked resolved “${threadTitle}”`);
    await expect(entries.nth(2)).toContainText('Thread locked');
    await expect(entries.nth(3)).toContainText('Thread pinned');

    // A poll: drafted over the API, opened from the console, then on the projector with one click.
    const token = await accessToken(moderator);
    const created = await moderator.request.post(apiUrl(`/rooms/${roomId}/polls`), {
      headers: { Authorization: `Bearer ${token}` },
      data: { question, options: ['Transport', 'Air quality', 'Budget'], multiple: false, anonymous: false },
    });
    expect(created.ok()).toBe(true);
    // Drafts are not announced to the room: the console shows the new one once reloaded.
    await moderator.reload();
    const poll = consolePoll(moderator, question);
    await expect(poll).toHaveAttribute('data-status', 'draft');
    await expect(poll.getByRole('button', { name: 'Show on projector' })).toHaveCount(0);
    await poll.getByRole('button', { name: 'Open poll' }).click();
    await expect(poll).toHaveAttribute('data-status', 'open');

    const [presenter] = await Promise.all([
      context.waitForEvent('page'),
      moderator.getByRole('link', { name: /Open the presenter page/ }).click(),
    ]);
    await expect(presenter).toHaveURL(new RegExp(`/present/rooms/${roomId}$`));
    await expect(presenter.getByTestId('room-presenter')).toHaveAttribute('data-kind', 'nothing');

    await poll.getByRole('button', { name: 'Show on projector' }).click();
    await expect(poll.getByRole('button', { name: 'On the projector' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const now = moderator.getByTestId('projector-now');
    await expect(now).toHaveAttribute('data-kind', 'poll');
    await expect(now).toContainText(`Poll “${question}”`);
    await expect(presenter.getByTestId('room-presenter')).toHaveAttribute('data-kind', 'poll');
    await expect(presenter.getByRole('heading', { name: question })).toBeVisible();
    const settings = await moderator.request.get(apiUrl(`/rooms/${roomId}/settings`), {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(((await settings.json()) as { projector: unknown }).projector).toEqual({
      kind: 'poll',
      targetId: await poll.getAttribute('data-poll-id'),
    });

    // The questions, then nothing: each one click, and the presenter follows.
    await moderator.getByRole('button', { name: 'Show questions' }).click();
    await expect(presenter.getByTestId('room-presenter')).toHaveAttribute('data-kind', 'qa');
    await expect(poll.getByRole('button', { name: 'Show on projector' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await moderator.getByRole('button', { name: 'Clear the projector' }).click();
    await expect(presenter.getByTestId('room-presenter')).toHaveAttribute('data-kind', 'nothing');
    await expect(entries.nth(0)).toContainText('Projector: Nothing');
    await presenter.close();

    // A participant who finds the console's address is told plainly that it is for moderators.
    await participant.goto(`${roomPath}/moderate`);
    await expect(participant.getByRole('heading', { level: 1, name: 'Moderators only' })).toBeVisible();
    await expect(participant.getByTestId('moderator-console')).toHaveCount(0);
    await participant.getByRole('link', { name: 'Back to the room' }).click();
    await expect(participant.getByRole('heading', { level: 1, name: ROOM })).toBeVisible();

    // The console, as a moderator sees it, in English and in Russian.
    mkdirSync(screenshots, { recursive: true });
    await expect(moderator.locator('.hx-spinner')).toHaveCount(0);
    await moderator.screenshot({
      path: join(screenshots, `moderator-console-en-${testInfo.project.name}.png`),
      fullPage: true,
      animations: 'disabled',
    });
    await chooseLanguage(moderator, 'ru');
    await expect(moderator.getByRole('heading', { level: 1, name: `Модерация: ${ROOM_RU}` })).toBeVisible();
    await expect(moderator.getByRole('heading', { name: 'Сейчас на проекторе' })).toBeVisible();
    await expect(online.getByTestId('online-total')).toHaveText('2 человека в комнате');
    await expect(entries.nth(0)).toContainText('Проектор: Ничего');
    await expect(moderator.locator('.hx-spinner')).toHaveCount(0);
    await moderator.screenshot({
      path: join(screenshots, `moderator-console-ru-${testInfo.project.name}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  } finally {
    await phone.close();
  }
});
