import { devices, expect, test, type Browser } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousViolations } from './axe';
import { actAs, api, apiUrl, chairSession, chooseLanguage, newParticipant, registerViaApi } from './support';
import { photograph } from './screenshots';

/*
 * The organizer's workspace, end to end: the chair drafts a second forum in the browser and names an
 * organizer, who gives it two rooms and an agenda, opens it, watches a session open and close its room's
 * questions and poll by the server's clock, and closes it. A signed-out visitor then reads its outcome on
 * a phone in both languages. Runs after every other project (see playwright.config.ts): it closes the
 * seeded forum. With README_SCREENSHOTS=1 the README's pictures in docs/screenshots are refreshed.
 */

const ZONE = 'Asia/Tomsk';

/** An instant as the forum's wall clock, as a datetime-local input takes it. */
const tomskInput = (at: Date): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(at)
    .replace(' ', 'T');

const DAY = 24 * 60 * 60_000;

async function phone(browser: Browser) {
  return browser.newContext({ ...devices['Pixel 7'], viewport: { width: 360, height: 780 } });
}

test('an organizer sets up, runs and closes a second forum; a signed-out visitor reads its outcome on a phone', async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const tag = randomBytes(3).toString('hex');
  const slug = `spring-${tag}`;
  const titleEn = `Spring forum ${tag}`;
  const titleRu = `Весенний форум ${tag}`;
  const chair = await chairSession(request);
  const organizer = newParticipant({ displayName: 'Olga Belova', organization: 'Forum Secretariat' });
  const organizerTokens = await registerViaApi(request, organizer);
  const participant = await registerViaApi(
    request,
    newParticipant({ displayName: 'Pavel Markov', organization: 'Tomsk Polytechnic', group: 'business' }),
  );

  // The chair drafts the forum in the browser: only admins create forums.
  await actAs(page, chair, 'en');
  await page.goto('/forums');
  await page.getByRole('button', { name: 'New forum' }).click();
  const draft = page.getByRole('region', { name: 'New forum' });
  await draft.getByLabel('Short name (slug)').fill(slug);
  await draft.getByRole('group', { name: 'Title', exact: true }).getByLabel('Russian').fill(titleRu);
  await draft.getByRole('group', { name: 'Title', exact: true }).getByLabel('English').fill(titleEn);
  await draft.getByRole('group', { name: 'Description' }).getByLabel('Russian').fill('Город и университет.');
  await draft
    .getByRole('group', { name: 'Description' })
    .getByLabel('English')
    .fill('The city and its university.');
  await draft.getByRole('group', { name: 'Venue' }).getByLabel('English').fill('TSU main building');
  await draft.getByLabel('Time zone').selectOption(ZONE);
  await draft.getByLabel('Starts', { exact: true }).fill(tomskInput(new Date(Date.now() - DAY)));
  await draft.getByLabel('Ends', { exact: true }).fill(tomskInput(new Date(Date.now() + 2 * DAY)));
  await draft.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: titleEn })).toBeVisible();
  await expect(page.getByTestId('forum-status')).toHaveText('Draft');
  const forumId = /\/forums\/([0-9a-f]{24})$/.exec(page.url())?.[1] ?? '';
  expect(forumId).not.toBe('');
  const organizers = page.getByRole('region', { name: 'Organizers' });
  await organizers.getByLabel('Email of their account').fill(organizer.email);
  await organizers.getByRole('button', { name: 'Make an organizer' }).click();
  await expect(organizers).toContainText(`${organizer.displayName} (${organizer.organization}`);

  // The organizer, not an admin, does the rest.
  const organizing = await browser.newContext();
  const desk = await organizing.newPage();
  await actAs(desk, organizerTokens, 'en');
  await desk.goto(`/forums/${forumId}`);
  await expect(desk.getByRole('heading', { level: 1, name: titleEn })).toBeVisible();
  const addRoom = async (kind: string, en: string, ru: string, questions: string) => {
    const form = desk.getByRole('region', { name: 'Add a room' });
    await form.getByLabel('Kind').selectOption(kind);
    await form.getByRole('group', { name: 'Room title' }).getByLabel('Russian').fill(ru);
    await form.getByRole('group', { name: 'Room title' }).getByLabel('English').fill(en);
    await form.getByRole('group', { name: 'Key questions' }).getByLabel('English').fill(questions);
    await form.getByRole('button', { name: 'Add the room' }).click();
    await expect(desk.getByTestId('room-row').filter({ hasText: en })).toBeVisible();
  };
  await addRoom('track', 'Campus and city', 'Кампус и город', 'Who pays for the labs?\nWho uses them?');
  await addRoom('session', 'Startup pitches', 'Питчи стартапов', 'Which pitch wins?');
  await desk.getByRole('button', { name: 'Move “Startup pitches” up' }).click();
  await expect(desk.getByTestId('room-row').first()).toContainText('Startup pitches');
  await desk.getByRole('button', { name: 'Edit “Campus and city”' }).click();
  const editing = desk.getByTestId('room-row').filter({ hasText: 'Campus and city' });
  await editing.getByRole('group', { name: 'Room title' }).getByLabel('English').fill('Campus as a magnet');
  await editing.getByRole('button', { name: 'Save' }).click();
  await expect(desk.getByRole('heading', { name: 'Campus as a magnet' })).toBeVisible();
  const rooms = await api<Array<{ id: string; title: string }>>(
    request,
    organizerTokens.accessToken,
    'GET',
    `/rooms?forumId=${forumId}&archived=true`,
  );
  const campus = rooms.find((room) => room.title === 'Campus as a magnet');
  expect(rooms.map((room) => room.title)).toEqual(['Startup pitches', 'Campus as a magnet']);
  await expect(desk.getByTestId('forum-stats')).toContainText('Rooms');

  // A participant cannot organize it.
  const refused = await request.post(apiUrl(`/forums/${forumId}/rooms`), {
    headers: { Authorization: `Bearer ${participant.accessToken}` },
    data: { kind: 'track', title: 'Not mine' },
  });
  expect(refused.status()).toBe(403);

  // The agenda: a keynote tomorrow, typed on the forum's clock.
  await desk.getByRole('link', { name: 'Agenda' }).first().click();
  await desk.getByRole('button', { name: 'Add a session' }).click();
  const session = desk.getByRole('region', { name: 'Add a session' });
  await session.getByLabel('Room', { exact: true }).selectOption({ label: 'Campus as a magnet' });
  await session
    .getByRole('group', { name: 'Session title' })
    .getByLabel('English')
    .fill('Keynote: labs at night');
  await session
    .getByRole('group', { name: 'Session title' })
    .getByLabel('Russian')
    .fill('Доклад: лаборатории ночью');
  const tomorrow = new Date(Date.now() + DAY);
  await session.getByLabel(`Starts (${ZONE})`).fill(tomskInput(tomorrow));
  await session.getByLabel(`Ends (${ZONE})`).fill(tomskInput(new Date(tomorrow.getTime() + 60 * 60_000)));
  await session.getByLabel('Speakers').fill('Anna Volkova\nIgor Sokolov');
  await session.getByRole('button', { name: 'Add the session' }).click();
  const keynote = desk.getByTestId('agenda-session').filter({ hasText: 'Keynote: labs at night' }).last();
  await expect(desk.getByTestId('agenda-now')).toContainText('Keynote: labs at night');
  await expect(keynote).toContainText('With Anna Volkova, Igor Sokolov');
  // Shown as an English reader's clock reads it: 12-hour, so 13:40 in Tomsk is "01:40 PM".
  await expect(keynote).toContainText(
    new Intl.DateTimeFormat('en', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(tomorrow),
  );

  // Opening: the seeded forum closes first, one forum is live at a time.
  const forums = await api<Array<{ id: string; status: string }>>(
    request,
    chair.accessToken,
    'GET',
    '/forums',
  );
  for (const live of forums.filter((forum) => forum.status === 'live'))
    await api(request, chair.accessToken, 'POST', `/forums/${live.id}/close`);
  await desk.goto(`/forums/${forumId}`);
  await desk.getByRole('button', { name: 'Open the forum' }).click();
  await desk.getByRole('dialog').getByRole('button', { name: 'Open the forum' }).click();
  await expect(desk.getByTestId('forum-status')).toHaveText('Live');
  const joinCode = (await desk.getByTestId('join-code').textContent()) ?? '';
  await photograph(desk, 'organizer-forum-en-desktop', { fullPage: true });
  await expectNoSeriousViolations(desk, "organizer's forum page");

  // A session that runs the room's questions and a prepared poll, from a few seconds from now.
  const roomId = campus?.id ?? '';
  await api(request, chair.accessToken, 'PATCH', `/rooms/${roomId}/settings`, { qaOpen: false });
  const poll = await api<{ id: string; options: Array<{ id: string }> }>(
    request,
    chair.accessToken,
    'POST',
    `/rooms/${roomId}/polls`,
    { question: 'Open the labs at night?', options: ['Yes', 'No'] },
  );
  const startsAt = new Date(Date.now() + 5_000);
  const endsAt = new Date(Date.now() + 45_000);
  await api(request, organizerTokens.accessToken, 'POST', `/rooms/${roomId}/sessions`, {
    title: { en: 'Open floor', ru: 'Открытый микрофон' },
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    speakers: ['Elena Orlova'],
    opensQa: true,
    pollId: poll.id,
  });
  const qaOpen = async () =>
    (await api<{ qaOpen: boolean }>(request, participant.accessToken, 'GET', `/rooms/${roomId}/settings`))
      .qaOpen;
  expect(await qaOpen()).toBe(false);
  await expect
    .poll(qaOpen, { message: 'the session opens the questions at its start', timeout: 15_000 })
    .toBe(true);

  // On a phone, a participant types the join code and reads the agenda in Russian while the session runs.
  const hall = await phone(browser);
  const visitor = await hall.newPage();
  await actAs(visitor, participant, 'ru');
  await visitor.goto('/join');
  await visitor.getByLabel('Код входа').fill(joinCode.toLowerCase());
  await visitor.getByRole('button', { name: 'Войти' }).click();
  await expect(visitor).toHaveURL(/\/rooms$/);
  await expect(visitor.getByRole('link', { name: /Кампус и город/ })).toBeVisible();
  await visitor.goto(`/forums/${forumId}/agenda`);
  await expect(visitor.getByTestId('agenda-now')).toContainText('Открытый микрофон');
  await photograph(visitor, 'agenda-ru-phone', { fullPage: true });
  await expectNoSeriousViolations(visitor, 'agenda on a phone');
  await visitor.goto(`/rooms/${roomId}`);
  await expect(visitor.getByTestId('current-session')).toContainText('Открытый микрофон');

  // During the session: a vote and an answered question, for the outcome.
  await api(request, participant.accessToken, 'POST', `/polls/${poll.id}/votes`, {
    optionIds: [poll.options[0].id],
  });
  const question = await api<{ id: string }>(
    request,
    participant.accessToken,
    'POST',
    `/rooms/${roomId}/questions`,
    {
      text: 'Who holds the keys at night?',
      clientId: `org-${tag}`,
    },
  );
  await api(request, chair.accessToken, 'PATCH', `/questions/${question.id}`, { status: 'answered' });
  await desk.goto(`/forums/${forumId}/agenda`);
  await expect(desk.getByTestId('agenda-now')).toContainText('Open floor');
  await photograph(desk, 'agenda-en-desktop', { fullPage: true });
  await desk.goto(`/present/rooms/${roomId}`);
  await expect(desk.getByTestId('current-session')).toContainText('Open floor');

  await expect
    .poll(qaOpen, { message: 'the session closes the questions at its end', timeout: 60_000 })
    .toBe(false);
  // Each feature does its part of the end in turn: the poll may close a moment after the questions.
  const pollStatus = async () =>
    (await api<{ status: string }>(request, participant.accessToken, 'GET', `/polls/${poll.id}`)).status;
  await expect.poll(pollStatus, { message: 'the session closes its poll at its end' }).toBe('closed');
  await desk.goto(`/forums/${forumId}/agenda`);
  await expect(desk.getByTestId('agenda-session').filter({ hasText: 'Open floor' }).last()).toContainText(
    'Ended',
  );

  // Closing: asked first, then a read-only archive.
  await desk.goto(`/forums/${forumId}`);
  await desk.getByRole('button', { name: 'Close the forum' }).click();
  const confirm = desk.getByRole('dialog');
  await expect(confirm).toContainText('cannot be undone');
  await confirm.getByRole('button', { name: 'Close the forum' }).click();
  await expect(desk.getByTestId('forum-status')).toHaveText('Closed');
  const write = await request.post(apiUrl(`/rooms/${roomId}/threads`), {
    headers: { Authorization: `Bearer ${participant.accessToken}` },
    data: { title: 'After the end' },
  });
  expect(write.status(), 'a closed forum refuses writes').toBe(409);
  const archive = await api<Array<{ title: string }>>(
    request,
    participant.accessToken,
    'GET',
    `/rooms?forumId=${forumId}`,
  );
  expect(archive.map((room) => room.title)).toEqual(['Startup pitches', 'Campus as a magnet']);
  await desk.goto(`/forums/${forumId}/agenda`);
  await expect(desk.getByRole('heading', { name: 'The whole programme' })).toBeVisible();
  await expect(desk.getByTestId('agenda-session').filter({ hasText: 'Keynote' })).not.toHaveCount(0);
  await expect(desk.getByRole('button', { name: 'Add a session' })).toHaveCount(0);

  // A visitor without an account reads the outcome on a phone, in English and in Russian.
  const street = await phone(browser);
  const reader = await street.newPage();
  await reader.goto(`/outcome/${slug}`);
  await expect(reader.getByRole('heading', { level: 1, name: `Outcome of ${titleEn}` })).toBeVisible();
  await expect(reader.getByTestId('outcome-question')).toContainText('Who holds the keys at night?');
  await expect(reader.getByTestId('outcome-poll')).toContainText('Open the labs at night?');
  await expect(reader.getByRole('button', { name: 'Print' })).toBeVisible();
  const overflow = await reader.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'nothing wider than the phone').toBeLessThanOrEqual(0);
  await photograph(reader, 'outcome-en-phone', { fullPage: true });
  await expectNoSeriousViolations(reader, 'public outcome');
  await chooseLanguage(reader, 'ru');
  await expect(reader.getByRole('heading', { level: 1, name: `Итоги: ${titleRu}` })).toBeVisible();
  await expect(reader.getByRole('heading', { name: 'Вопросы с ответами' })).toBeVisible();
  await expect(reader.getByTestId('outcome-poll')).toContainText('Кампус и город');
  await photograph(reader, 'outcome-ru-phone', { fullPage: true });

  await Promise.all([organizing.close(), hall.close(), street.close()]);
});
