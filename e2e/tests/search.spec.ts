import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousViolations } from './axe';
import { accessToken, api, chooseLanguage, newParticipant, signUp } from './support';

const hits = (scope: Page | Locator): Locator => scope.getByTestId('search-hit');

test('search finds other word forms in Russian and English, marks them, and opens the thread at the message', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A word of this run only, so that earlier runs' messages stay out of the results.
  const run = `x${randomBytes(3).toString('hex')}`;
  const russian = `Наша инициатива ${run}: открыть лаборатории по субботам.`;
  const english = `The campus should open its laboratories to companies ${run}.`;

  await signUp(page, newParticipant({ group: 'university' }));
  const token = await accessToken(page);
  const rooms = await api<Array<{ id: string; kind: string }>>(page.request, token, 'GET', '/rooms');
  const room = rooms.find((item) => item.kind === 'track') ?? rooms[0];
  const thread = await api<{ id: string }>(page.request, token, 'POST', `/rooms/${room.id}/threads`, {
    title: `Weekend labs ${run}`,
  });
  const messageIds: string[] = [];
  for (const text of [russian, english]) {
    const message = await api<{ id: string }>(page.request, token, 'POST', `/rooms/${room.id}/messages`, {
      threadId: thread.id,
      text,
      clientId: `search-${run}-${messageIds.length}`,
    });
    messageIds.push(message.id);
  }

  // In the room: «laboratory» finds «laboratories», marked.
  await page.goto(`/rooms/${room.id}`);
  const roomSearch = page.getByTestId('room-search');
  await roomSearch.getByText('Search this room').click();
  await roomSearch.getByRole('searchbox', { name: 'Search in this room' }).fill(`laboratory ${run}`);
  await expect(roomSearch.getByTestId('search-status')).toHaveText('1 result');
  await expect(hits(roomSearch)).toHaveCount(1);
  await expect(hits(roomSearch).locator('mark').first()).toHaveText('laboratories');
  await expect(roomSearch.getByRole('heading', { name: 'Messages (1)' })).toBeVisible();

  // The whole forum, from the room's link, with the query carried over; then in Russian.
  await roomSearch.getByRole('link', { name: 'Search the whole forum' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  const field = page.getByRole('searchbox', { name: /Search the forum/ });
  await expect(field).toHaveValue(`laboratory ${run}`);
  await expect(hits(page)).toHaveCount(1);
  await field.fill(`инициативы ${run}`);
  await expect(page.getByTestId('search-status')).toHaveText('1 result');
  const found = hits(page).first();
  await expect(found).toHaveAttribute('data-kind', 'message');
  await expect(found.locator('mark').first()).toHaveText('инициатива');
  await expect(found).toContainText(`Weekend labs ${run}`);
  await expectNoSeriousViolations(page, 'forum search');

  // The same results in Russian, with Russian plural forms.
  await chooseLanguage(page, 'ru');
  await expect(page.getByTestId('search-status')).toHaveText('1 результат');
  await expect(page.getByRole('heading', { name: 'Сообщения (1)' })).toBeVisible();
  await expectNoSeriousViolations(page, 'forum search in Russian');

  // A result opens its thread at the message, which takes the focus and flashes.
  await found.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/threads/${thread.id}\\?message=${messageIds[0]}$`));
  const message = page.locator(`[data-message-id="${messageIds[0]}"]`);
  await expect(message).toBeFocused();
  await expect(message).toHaveAttribute('data-flash', '');
  await expect(message).toBeInViewport();
});
