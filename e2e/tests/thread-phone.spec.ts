import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { actAs, api, newParticipant, registerViaApi } from './support';

/*
 * Issue 17: a thread on a phone reads like a messenger. The page scrolls (no box in it), an author's burst
 * of short messages shares one header, the composer stays at the screen's bottom; scrolled up, new
 * messages show as a pill that brings the reader down; "… is typing" ends when the message arrives.
 */

/** Messages whose whole box is on screen and not under the sticky composer. */
async function messagesOnScreen(page: Page): Promise<number> {
  return page.evaluate(() => {
    const footer = document.querySelector('.hx-thread__footer')?.getBoundingClientRect();
    const bottom = footer ? footer.top : window.innerHeight;
    return [...document.querySelectorAll('[data-testid="message"]')].filter((element) => {
      const box = element.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= bottom + 1;
    }).length;
  });
}

test('a phone screen shows a burst of short messages with the composer, and new ones arrive as a pill', async ({
  page,
  browser,
}) => {
  const run = randomBytes(3).toString('hex');
  const reader = await registerViaApi(page.request, newParticipant({ displayName: `Reader ${run}` }));
  const writer = await registerViaApi(
    page.request,
    newParticipant({ displayName: `Writer ${run}`, group: 'business' }),
  );
  const rooms = await api<Array<{ id: string; kind: string }>>(
    page.request,
    reader.accessToken,
    'GET',
    '/rooms',
  );
  const roomId = rooms.filter((room) => room.kind === 'track')[0].id;
  const thread = await api<{ id: string }>(
    page.request,
    writer.accessToken,
    'POST',
    `/rooms/${roomId}/threads`,
    {
      title: `Coffee break ${run}`,
      clientId: `phone-${run}`,
    },
  );
  const say = (text: string) =>
    api(page.request, writer.accessToken, 'POST', `/rooms/${roomId}/messages`, {
      threadId: thread.id,
      text,
      clientId: `phone-${run}-${randomBytes(4).toString('hex')}`,
    });
  for (let n = 1; n <= 20; n += 1) await say(`Short note ${n} (${run})`);

  await actAs(page, reader, 'en');
  await page.goto(`/rooms/${roomId}/threads/${thread.id}`);
  const messages = page.getByTestId('message');
  await expect(messages).toHaveCount(20);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await expect(composer).toBeInViewport({ ratio: 1 });
  await expect(messages.last()).toBeInViewport({ ratio: 1 });
  // The page scrolls, not a box in it.
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight > window.innerHeight)).toBe(true);
  // A burst from one author: one header for them all, and a day separator above.
  await expect(page.getByTestId('day-separator')).toHaveText(['Today']);
  await expect(page.locator('.hx-message__head', { hasText: `Writer ${run}` })).toHaveCount(1);
  const onScreen = await messagesOnScreen(page);
  expect(onScreen, `${onScreen} short messages on one screen`).toBeGreaterThanOrEqual(8);

  // Scrolled up to the thread's start, a new message leaves the reader where they are and says so.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(messages.first()).toBeInViewport();
  await say(`Are we back in the hall? (${run})`);
  await expect(messages).toHaveCount(21);
  const pill = page.getByRole('button', { name: /^1 new message/ });
  await expect(pill).toBeVisible();
  await expect(messages.last()).not.toBeInViewport();
  await say(`Starting in five minutes (${run})`);
  await expect(page.getByRole('button', { name: /^2 new messages/ })).toBeVisible();
  await page.getByTestId('new-messages').click();
  await expect(messages.last()).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('new-messages')).toHaveCount(0);

  // At the bottom, the thread follows: the next one comes into view with no pill.
  await say(`Doors open (${run})`);
  await expect(messages).toHaveCount(23);
  await expect(messages.last()).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('new-messages')).toHaveCount(0);

  // "… is typing" shows while the writer types and goes the moment their message arrives.
  const writerContext = await browser.newContext();
  try {
    const writerPage = await writerContext.newPage();
    await actAs(writerPage, writer, 'en');
    await writerPage.goto(`/rooms/${roomId}/threads/${thread.id}`);
    await expect(writerPage.getByTestId('message')).toHaveCount(23);
    await writerPage.getByRole('textbox', { name: 'Message' }).pressSequentially('On my way', { delay: 30 });
    const typing = page.locator('.hx-typing');
    await expect(typing).toHaveText(`Writer ${run} is typing…`);
    await writerPage.getByRole('button', { name: 'Send' }).click();
    await expect(messages.filter({ hasText: 'On my way' })).toHaveCount(1);
    // Well before the 4 s a typing signal lasts.
    await expect(typing).toHaveText('', { timeout: 1_000 });
  } finally {
    await writerContext.close();
  }
});

test('a message’s one menu opens from its "⋯" button or a long press, with reactions in its first row', async ({
  page,
}) => {
  const run = randomBytes(3).toString('hex');
  const reader = await registerViaApi(page.request, newParticipant({ displayName: `Reader ${run}` }));
  const rooms = await api<Array<{ id: string; kind: string }>>(
    page.request,
    reader.accessToken,
    'GET',
    '/rooms',
  );
  const roomId = rooms.filter((room) => room.kind === 'track')[0].id;
  const thread = await api<{ id: string }>(
    page.request,
    reader.accessToken,
    'POST',
    `/rooms/${roomId}/threads`,
    {
      title: `Menus ${run}`,
      clientId: `menu-${run}`,
    },
  );
  await api(page.request, reader.accessToken, 'POST', `/rooms/${roomId}/messages`, {
    threadId: thread.id,
    text: `Hold me (${run})`,
    clientId: `menu-${run}-1`,
  });
  await actAs(page, reader, 'en');
  await page.goto(`/rooms/${roomId}/threads/${thread.id}`);
  const message = page.getByTestId('message').filter({ hasText: `Hold me (${run})` });

  // No row of links under a message: its one button is the menu.
  await expect(message.getByRole('button')).toHaveCount(1);
  await expect(message.getByRole('link')).toHaveCount(0);

  // A long press (the browser's context menu on a touch screen) opens the menu, reactions first.
  await message.locator('.hx-message__body').click({ button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText([
    ...['👍', '❤️', '🎉', '🤔', '👀', '✅'],
    ...['Reply', 'Propose as initiative', 'Edit', 'Delete'],
  ]);
  await menu.getByRole('menuitem', { name: 'React with 👍' }).click();
  await expect(menu).toBeHidden();
  await expect(message.getByRole('button', { name: /^👍: 1 reaction/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Reply from the menu puts the caret in the composer, quoting the message.
  await message.getByRole('button', { name: `More actions (Reader ${run})` }).click();
  await page.getByRole('menuitem', { name: 'Reply' }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await expect(page.locator('.hx-composer')).toContainText(`Replying to Reader ${run}`);
});
