import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousViolations } from './axe';
import { actAs, api, newParticipant, openHeaderMenu, registerViaApi } from './support';

/*
 * Issue 17: B mentions A through the composer's `@` autocomplete; A, on the rooms page, sees the room's
 * unread and mention badges change live and gets a browser notification (A allowed it); A's mentions
 * list shows the message, and its link opens the thread at it, which marks the room read.
 */
test('a mention picked from the autocomplete reaches the mentioned person live, listed and notified', async ({
  page,
  browser,
}) => {
  const run = randomBytes(3).toString('hex');
  const anna = newParticipant({ displayName: `Ася Морозова ${run}` });
  const annaTokens = await registerViaApi(page.request, anna);
  const boris = await registerViaApi(page.request, newParticipant({ displayName: `Boris ${run}` }));
  const rooms = await api<Array<{ id: string; kind: string; title: string }>>(
    page.request,
    boris.accessToken,
    'GET',
    '/rooms',
  );
  const room = rooms.filter((candidate) => candidate.kind === 'track')[0];
  const thread = await api<{ id: string }>(
    page.request,
    boris.accessToken,
    'POST',
    `/rooms/${room.id}/threads`,
    {
      title: `Agenda ${run}`,
      clientId: `mentions-${run}`,
    },
  );
  // Anna has written in the room, so she is among the people a message there may mention.
  await api(page.request, annaTokens.accessToken, 'POST', `/rooms/${room.id}/messages`, {
    threadId: thread.id,
    text: `Hello from Anna ${run}`,
    clientId: `anna-${run}`,
  });

  // Anna's browser: notifications allowed by the browser, and `window.Notification` spied on.
  const annaContext = await browser.newContext({ permissions: ['notifications'] });
  await annaContext.addInitScript(() => {
    const shown: Array<{ title: string; body?: string }> = [];
    class NotificationSpy {
      static permission: NotificationPermission = 'granted';
      static requestPermission = async (): Promise<NotificationPermission> => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
        (window as unknown as { lastNotification: NotificationSpy }).lastNotification = this;
      }
      close(): void {}
    }
    Object.assign(window, { Notification: NotificationSpy, shownNotifications: shown });
  });
  const annaPage = await annaContext.newPage();
  await actAs(annaPage, annaTokens, 'en');
  await annaPage.goto('/mentions');
  await expect(annaPage.getByRole('heading', { name: 'Mentions', level: 1 })).toBeVisible();
  await expect(annaPage.getByText('Nobody has mentioned you yet.')).toBeVisible();
  await annaPage.getByLabel('Notify me in the browser when someone mentions me').check();
  await expectNoSeriousViolations(annaPage, 'mentions page');
  await annaPage.getByRole('link', { name: 'Rooms', exact: true }).first().click();
  const annaCard = annaPage.locator('.hx-card', { has: annaPage.getByRole('link', { name: room.title }) });
  await expect(annaCard).toBeVisible();
  await expect(annaCard.getByTestId('room-mentions')).toHaveCount(0);

  // Boris types `@ася` and picks her with the keyboard.
  await actAs(page, boris, 'en');
  await page.goto(`/rooms/${room.id}/threads/${thread.id}`);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('');
  await composer.pressSequentially('Hi @ася');
  const option = page.getByRole('option', { name: new RegExp(`Ася Морозова ${run}`) });
  await expect(option).toBeVisible();
  // Earlier runs' Anna (same name, on the other device) may be listed too: the arrow keys move to this one.
  const options = page.getByRole('option');
  for (let step = 0; step < (await options.count()); step++) {
    if ((await option.getAttribute('aria-selected')) === 'true') break;
    await composer.press('ArrowDown');
  }
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expectNoSeriousViolations(page, 'thread with mention suggestions');
  await composer.press('Enter');
  await expect(composer).toHaveValue(`Hi @Ася Морозова ${run} `);
  await composer.pressSequentially('please look at the agenda');
  await composer.press('Enter');
  const sent = page.getByTestId('message').last();
  await expect(sent.getByTestId('mention')).toHaveText(`@Ася Морозова ${run}`);
  await expect(sent).toHaveAttribute('data-state', 'sent');

  // Anna, on the rooms page, sees it live, and her browser notifies her.
  await expect(annaCard.getByTestId('room-mentions')).toHaveText('1 mention');
  await expect(annaCard.getByTestId('room-unread')).toContainText('unread');
  await expect
    .poll(() =>
      annaPage.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications),
    )
    .toEqual([
      { title: room.title, body: `Boris ${run}: Hi @Ася Морозова ${run} please look at the agenda` },
    ]);
  await expectNoSeriousViolations(annaPage, 'rooms page with unread badges');

  // Her mentions list has it, unread; its link opens the thread at the message.
  await openHeaderMenu(annaPage);
  await annaPage.getByRole('link', { name: 'Mentions, 1 unread' }).click();
  const item = annaPage.getByTestId('mention-item');
  await expect(item).toHaveCount(1);
  // The header menu stays open over the page after a link in it: close it as a person would.
  await annaPage.keyboard.press('Escape');
  await expect(item.getByText('New')).toBeVisible();
  await expect(item.getByTestId('mention-self')).toContainText(`@Ася Морозова ${run}`);
  await item.getByRole('link').click();
  await expect(annaPage).toHaveURL(new RegExp(`/rooms/${room.id}/threads/${thread.id}\\?message=`));
  const mentioned = annaPage.locator('[data-mentions-me]');
  await expect(mentioned).toBeInViewport();
  await expect(mentioned).toBeFocused();

  // Read now: the badges are gone from the rooms page.
  await annaPage.getByRole('link', { name: 'Rooms', exact: true }).first().click();
  await expect(annaCard).toBeVisible();
  await expect(annaCard.getByTestId('room-mentions')).toHaveCount(0);
  await expect(annaCard.getByTestId('room-unread')).toHaveCount(0);

  // Clicking the notification opens the message too.
  await annaPage.evaluate(() =>
    (window as unknown as { lastNotification: { onclick: () => void } }).lastNotification.onclick(),
  );
  await expect(annaPage).toHaveURL(new RegExp(`/rooms/${room.id}/threads/${thread.id}\\?message=`));
  await annaContext.close();
});
