import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import {
  actAs,
  api,
  apiUrl,
  chairAccessToken,
  messageMenuButton,
  newParticipant,
  registerViaApi,
} from './support';

/*
 * Issue 8: keyboard use everywhere, with visible focus. A participant does the core of a forum session
 * with the keyboard alone (no click anywhere): into a room from the rooms list, into a thread, a message
 * written and sent, a reaction, a vote in the open poll and an upvote in the Q&A. Every stop the Tab key
 * makes must show where the focus is: the stylesheet draws a 3 px outline on `:focus-visible`, and a
 * radio button's outline on the label around it (`:has(:focus-visible)`), so the check accepts an
 * outline (or a box-shadow ring) on the focused element or on the label that holds it.
 */

/** Describes the focused element and whether a focus indicator is drawn around it. */
async function focusState(page: Page): Promise<{ element: string; visible: boolean }> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return { element: 'nothing (the page body)', visible: false };
    const name = focused.getAttribute('aria-label') ?? (focused.textContent ?? '').trim().slice(0, 40);
    const element = `<${focused.tagName.toLowerCase()}${[...focused.classList].map((c) => `.${c}`).join('')}> "${name}"`;
    const drawn = (candidate: Element | null): boolean => {
      if (!candidate) return false;
      const style = getComputedStyle(candidate);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return outline || style.boxShadow !== 'none';
    };
    return {
      element,
      visible: focused.matches(':focus-visible') && (drawn(focused) || drawn(focused.closest('label'))),
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, and checks at every stop on the way that the
 * focus is visible: a keyboard user sees each of them.
 */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 120 } = {}): Promise<void> {
  await expect(target).toBeAttached();
  const stops: string[] = [];
  for (let press = 0; press < max; press += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const { element, visible } = await focusState(page);
    stops.push(element);
    expect(visible, `focus is visible on ${element}`).toBe(true);
    if (await target.evaluate((node) => node === document.activeElement)) return;
  }
  throw new Error(`Tab never reached the target in ${max} presses; it stopped at:\n${stops.join('\n')}`);
}

/**
 * With a message's "⋯" button focused: Enter opens its menu on the first item, ArrowDown walks to the
 * item named `name` (each stop visibly focused), Enter chooses it.
 */
async function chooseFromMenu(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const item = menu.getByRole('menuitem', { name, exact: true });
  for (let press = 0; press < 12; press += 1) {
    if (await item.evaluate((node) => node === document.activeElement)) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(item).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
}

async function expectVisibleFocus(page: Page): Promise<void> {
  const { element, visible } = await focusState(page);
  expect(visible, `focus is visible on ${element}`).toBe(true);
}

interface Scene {
  room: { id: string; title: string };
  threadId: string;
  threadTitle: string;
  opening: string;
  question: string;
  pollQuestion: string;
  initiativeId: string;
}

/** A room of this spec's own (the last cluster), with a thread, an open poll, a question and an initiative. */
async function buildScene(request: APIRequestContext, run: string): Promise<Scene> {
  const chair = await chairAccessToken(request);
  const rooms = await api<Array<{ id: string; kind: string; title: string }>>(
    request,
    chair,
    'GET',
    '/rooms',
  );
  const room = rooms.filter((item) => item.kind === 'cluster').at(-1);
  if (!room) throw new Error('the forum seed has cluster rooms');
  await api(request, chair, 'PATCH', `/rooms/${room.id}/settings`, {
    qaReview: false,
    projector: { kind: 'nothing', targetId: null },
  });
  const colleague = await registerViaApi(request, newParticipant({ displayName: `Colleague ${run}` }));
  const as = <T>(token: string, method: 'POST' | 'PUT', path: string, data?: unknown) =>
    api<T>(request, token, method, path, data);

  const threadTitle = `Keyboard only (${run})`;
  const thread = await as<{ id: string }>(colleague.accessToken, 'POST', `/rooms/${room.id}/threads`, {
    title: threadTitle,
  });
  const opening = `Can everyone follow the forum without a mouse? (${run})`;
  await as(colleague.accessToken, 'POST', `/rooms/${room.id}/messages`, {
    threadId: thread.id,
    text: opening,
    clientId: `keyboard-${run}-1`,
  });
  const question = `Will the slides be published after the session? (${run})`;
  await as(colleague.accessToken, 'POST', `/rooms/${room.id}/questions`, {
    text: question,
    anonymous: false,
    clientId: `keyboard-${run}-2`,
  });
  const pollQuestion = `Which session format works best? (${run})`;
  const poll = await as<{ id: string }>(chair, 'POST', `/rooms/${room.id}/polls`, {
    question: pollQuestion,
    options: ['Panel', 'Workshop', 'Open discussion'],
  });
  await as(chair, 'POST', `/polls/${poll.id}/open`);
  const initiative = await as<{ id: string }>(colleague.accessToken, 'POST', '/initiatives', {
    title: `Captioned sessions for every track (${run})`,
    summary: 'Every session of the forum is captioned live, and the captions are published with the slides.',
    roomId: room.id,
    partners: [{ organization: 'Tomsk Civic Chamber', stakeholderGroup: 'civil_society' }],
  });
  await as(chair, 'POST', `/initiatives/${initiative.id}/voting/open`, {});
  await as(colleague.accessToken, 'PUT', `/initiatives/${initiative.id}/vote`, { position: 'agree' });

  return {
    room,
    threadId: thread.id,
    threadTitle,
    opening,
    question,
    pollQuestion,
    initiativeId: initiative.id,
  };
}

test('a participant takes part with the keyboard alone, and always sees where the focus is', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const run = randomBytes(3).toString('hex');

  const { room, threadTitle, opening, question, pollQuestion } = await buildScene(request, run);

  const me = await registerViaApi(request, newParticipant());
  await actAs(page, me, 'en');
  await page.goto('/rooms');

  // Rooms list → the room.
  await tabTo(page, page.getByRole('link', { name: room.title, exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/rooms/${room.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: room.title })).toBeVisible();

  // The room → the thread.
  await tabTo(page, page.getByRole('link', { name: threadTitle }), { max: 200 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: threadTitle })).toBeVisible();

  // A message, typed and sent from the keyboard (Enter sends).
  const composer = page.getByRole('textbox', { name: 'Message' });
  await tabTo(page, composer);
  const reply = `Yes: Tab, Enter and the arrow keys are enough. (${run})`;
  await page.keyboard.type(reply);
  await page.keyboard.press('Enter');
  const sent = page.getByTestId('message').filter({ hasText: reply });
  await expect(sent).toHaveAttribute('data-state', 'sent');
  await expect(composer).toBeFocused();
  await expect(composer).toHaveValue('');

  // Each message has one menu: its "⋯" button opens it with the focus on the first item, the arrow keys
  // move, Enter chooses. Edited and then deleted: the focus stays in the message each time.
  const sentMenu = messageMenuButton(sent);
  await tabTo(page, sentMenu, { backwards: true });
  await chooseFromMenu(page, 'Edit');
  const editor = sent.getByRole('textbox', { name: 'Edit text' });
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' Even the arrows.');
  await tabTo(page, sent.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(sent).toContainText('Even the arrows.');
  await expect(sentMenu, 'saving gives the focus back to the message menu').toBeFocused();
  await expectVisibleFocus(page);
  page.once('dialog', (dialog) => void dialog.accept());
  await chooseFromMenu(page, 'Delete');
  const deleted = page.getByTestId('message').filter({ hasText: 'message deleted' });
  await expect(deleted).toHaveCount(1);
  await expect(deleted, 'the deleted message keeps the focus').toBeFocused();

  // A reaction to the colleague's message, the menu's first row: the focus comes back to the menu button.
  const theirs = page.getByTestId('message').filter({ hasText: opening });
  const theirMenu = messageMenuButton(theirs);
  await tabTo(page, theirMenu, { backwards: true });
  await chooseFromMenu(page, 'React with 👍');
  const reaction = theirs.getByRole('button', { name: /^👍: 1 reaction/ });
  await expect(reaction).toHaveAttribute('aria-pressed', 'true');
  await expect(theirMenu).toHaveAttribute('aria-expanded', 'false');
  await expect(theirMenu, 'the menu closes and gives the focus back to its button').toBeFocused();
  await expectVisibleFocus(page);
  // Escape closes the menu unused, and taking back one's only reaction keeps the focus in the message.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(theirMenu).toBeFocused();
  await tabTo(page, reaction, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(reaction).toHaveCount(0);
  await expect(theirMenu).toBeFocused();
  await expectVisibleFocus(page);

  // Back to the room by its breadcrumb.
  await tabTo(
    page,
    page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: room.title }),
    {
      backwards: true,
    },
  );
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: room.title })).toBeVisible();

  // The open poll: Tab reaches its radio group, an arrow key chooses (and votes for) the next option.
  const ballot = page.getByTestId('poll').filter({ has: page.getByRole('heading', { name: pollQuestion }) });
  await tabTo(page, ballot.getByRole('radio', { name: 'Panel' }));
  await page.keyboard.press('ArrowDown');
  await expect(ballot.getByRole('radio', { name: 'Workshop' })).toBeChecked();
  await expect(ballot.getByTestId('poll-option').filter({ hasText: 'Workshop' })).toContainText('Your vote');
  await expect(ballot.getByTestId('poll-option-result').nth(1)).toHaveText('100% · 1 vote');
  await expectVisibleFocus(page);

  // The Q&A: upvote the colleague's question with the space bar.
  const asked = page.getByTestId('question').filter({ hasText: question });
  const upvote = asked.getByRole('button', { name: /^Upvote/ });
  await tabTo(page, upvote);
  await page.keyboard.press('Space');
  await expect(upvote).toHaveAttribute('aria-pressed', 'true');
  await expect(asked.getByTestId('upvotes')).toHaveText('1');
  await expect(upvote).toBeFocused();
  await expectVisibleFocus(page);
});

/**
 * Tabs through the whole page from its top and returns every stop; fails on a stop without a visible
 * focus, on a trap (the focus coming back to a control before the page's end) and on a page too long.
 */
async function tabThroughPage(page: Page, screen: string, max = 400): Promise<string[]> {
  await expect(page.locator('.hx-spinner')).toHaveCount(0);
  // Start from the top of the page, header included: focus a first element and take it away again,
  // which leaves the browser's starting point for Tab there.
  await page.evaluate(() => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.remove();
  });
  const seen = new Map<string, number>();
  const stops: string[] = [];
  for (let press = 0; press < max; press += 1) {
    await page.keyboard.press('Tab');
    const key = await page.evaluate(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body) return null;
      // A stable identity for the element: its path from the root.
      const path: number[] = [];
      for (let node: Element | null = focused; node?.parentElement; node = node.parentElement) {
        path.unshift([...node.parentElement.children].indexOf(node));
      }
      return path.join('/');
    });
    if (key === null || (stops.length > 0 && key === [...seen.keys()][0])) return stops;
    const { element, visible } = await focusState(page);
    expect(seen.has(key), `${screen}: Tab came back to ${element} before the page's end (a trap)`).toBe(
      false,
    );
    seen.set(key, press);
    stops.push(element);
    expect.soft(visible, `${screen}: focus is visible on ${element}`).toBe(true);
  }
  throw new Error(`${screen}: more than ${max} Tab stops:\n${stops.join('\n')}`);
}

test('every Tab stop on the main pages shows the focus, and nothing traps it', async ({ page, request }) => {
  test.setTimeout(180_000);
  const run = randomBytes(3).toString('hex');
  const scene = await buildScene(request, run);

  // Signed out: the forms.
  for (const path of ['/sign-in', '/sign-up']) {
    await page.goto(path);
    await expect(page.locator('form')).toBeVisible();
    await tabThroughPage(page, path);
  }

  // A moderator sees the most controls: everything a participant has, and the moderation on top.
  // Roles travel in the access token: the moderator signs in again after the promotion.
  const moderator = newParticipant();
  const registered = await registerViaApi(request, moderator);
  const chair = await chairAccessToken(request);
  await api(request, chair, 'PATCH', `/users/${registered.user.id}/roles`, { roles: ['moderator'] });
  const signedIn = await request.post(apiUrl('/auth/login'), {
    data: { email: moderator.email, password: moderator.password },
  });
  expect(signedIn.ok(), `the moderator signs in: ${signedIn.status()}`).toBe(true);
  await actAs(page, (await signedIn.json()) as { accessToken: string; refreshToken: string }, 'en');

  const screens: Array<[string, string]> = [
    ['rooms list', '/rooms'],
    ['room', `/rooms/${scene.room.id}`],
    ['thread', `/rooms/${scene.room.id}/threads/${scene.threadId}`],
    ['initiatives board', '/initiatives'],
    ['initiative under vote', `/initiatives/${scene.initiativeId}`],
    ['new initiative form', '/initiatives/new'],
    ['outcome', '/outcome'],
    ['moderator console', `/rooms/${scene.room.id}/moderate`],
  ];
  // A modal dialog keeps the focus inside while open and gives it back to its button on Escape.
  await page.goto(`/rooms/${scene.room.id}`);
  const share = page.getByRole('button', { name: 'Share' });
  await tabTo(page, share);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  for (let press = 0; press < 6; press += 1) {
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    await expectVisibleFocus(page);
    await page.keyboard.press('Tab');
    // Past the dialog's last control the browser's own toolbar has the focus: the page behind never does.
    if (await page.evaluate(() => document.activeElement === document.body)) await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(share).toBeFocused();

  for (const [screen, path] of screens) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const stops = await tabThroughPage(page, screen);
    expect(stops, `${screen}: Tab reaches the header's navigation`).toContainEqual(
      expect.stringContaining('"Initiatives"'),
    );
  }
});

test('a moderator’s decisions keep the keyboard focus with the item they move', async ({ page, request }) => {
  test.setTimeout(120_000);
  const run = randomBytes(3).toString('hex');
  const scene = await buildScene(request, run);
  const moderator = newParticipant();
  const registered = await registerViaApi(request, moderator);
  const chair = await chairAccessToken(request);
  await api(request, chair, 'PATCH', `/users/${registered.user.id}/roles`, { roles: ['moderator'] });
  const signedIn = await request.post(apiUrl('/auth/login'), {
    data: { email: moderator.email, password: moderator.password },
  });
  expect(signedIn.ok(), `the moderator signs in: ${signedIn.status()}`).toBe(true);
  const tokens = (await signedIn.json()) as { accessToken: string; refreshToken: string };
  const draftQuestion = `Shall we run a second round? (${run})`;
  await api(request, tokens.accessToken, 'POST', `/rooms/${scene.room.id}/polls`, {
    question: draftQuestion,
    options: ['Yes', 'No'],
  });
  await actAs(page, tokens, 'en');
  await page.goto(`/rooms/${scene.room.id}`);

  // A button that is busy while its request runs keeps the focus (a disabled one would lose it).
  const threadItem = page.getByRole('listitem').filter({ hasText: scene.threadTitle });
  await tabTo(page, threadItem.getByRole('button', { name: 'Pin' }), { max: 250 });
  await page.keyboard.press('Enter');
  await expect(threadItem.getByRole('button', { name: 'Unpin' })).toBeFocused();

  // Opening a draft moves the poll to the open ones: the focus goes with it, to Close poll.
  const poll = page.getByTestId('poll').filter({ has: page.getByRole('heading', { name: draftQuestion }) });
  await tabTo(page, poll.getByRole('button', { name: 'Open poll' }), { backwards: true, max: 250 });
  await page.keyboard.press('Enter');
  await expect(poll).toHaveAttribute('data-status', 'open');
  await expect(poll.getByRole('button', { name: 'Close poll' })).toBeFocused();
  await expectVisibleFocus(page);
  // Closing (once confirmed) folds it among the closed polls: the focus lands on its fold.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.keyboard.press('Enter');
  await expect(page.locator('summary').filter({ hasText: draftQuestion })).toBeFocused();
  await expectVisibleFocus(page);

  // Marking a question answered folds it among the answered ones, likewise.
  const asked = page.getByTestId('question').filter({ hasText: scene.question });
  await tabTo(page, asked.getByRole('button', { name: 'Mark answered' }), { max: 250 });
  await page.keyboard.press('Enter');
  await expect(page.locator('summary').filter({ hasText: /^Answered/ })).toBeFocused();
  await expectVisibleFocus(page);
});
