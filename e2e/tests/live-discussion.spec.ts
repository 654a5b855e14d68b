import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { newParticipant, signUp } from './support';

async function post(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  const sent = page.getByTestId('message').filter({ hasText: text });
  await expect(sent).toHaveCount(1);
  // Confirmed by the server: from here on the room event exists and every member is owed it.
  await expect(sent).toHaveAttribute('data-state', 'sent');
}

async function messageTexts(page: Page): Promise<string[]> {
  return page.getByTestId('message').allTextContents();
}

test('messages reach another participant live, and what they miss offline arrives on reconnect, in order, once', async ({
  page: alice,
  browser,
}) => {
  const run = randomBytes(3).toString('hex');
  await signUp(alice, newParticipant({ displayName: `Alice ${run}` }));
  await alice.getByRole('link', { name: 'University in an urban ecosystem' }).click();
  const title = `Live thread ${run}`;
  await alice.getByLabel('New thread title').fill(title);
  await alice.getByRole('button', { name: 'Start thread' }).click();
  await expect(alice).toHaveURL(/\/rooms\/[0-9a-f]{24}\/threads\/[0-9a-f]{24}$/);
  const threadUrl = new URL(alice.url()).pathname;

  const bobContext = await browser.newContext();
  try {
    const bob = await bobContext.newPage();
    await signUp(bob, newParticipant({ displayName: `Bob ${run}`, group: 'business' }));
    await bob.goto(threadUrl);
    await expect(bob.getByRole('heading', { name: title })).toBeVisible();
    await expect(bob.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');

    // Live: no reload on Bob's side.
    await post(alice, `hello live ${run}`);
    await expect(bob.getByTestId('message').filter({ hasText: `hello live ${run}` })).toHaveCount(1);

    // Only the socket's catch-up may deliver what Bob misses: reloading the thread over HTTP is refused.
    await bob.route('**/api/rooms/*/messages**', (route) => route.abort());

    await bobContext.setOffline(true);
    await expect(bob.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');

    const missed = [1, 2, 3].map((n) => `missed ${n} of 3 (${run})`);
    for (const text of missed) await post(alice, text);

    // The socket is really cut: had it stayed open, these would have arrived live by now.
    await bob.waitForTimeout(1_500);
    for (const text of missed) {
      await expect(bob.getByTestId('message').filter({ hasText: text })).toHaveCount(0);
    }

    await bobContext.setOffline(false);
    await expect(bob.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
    for (const text of missed) {
      await expect(bob.getByTestId('message').filter({ hasText: text })).toHaveCount(1);
    }

    const texts = await messageTexts(bob);
    const positions = missed.map((text) => texts.findIndex((entry) => entry.includes(text)));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const text of [`hello live ${run}`, ...missed]) {
      expect(texts.filter((entry) => entry.includes(text))).toHaveLength(1);
    }
  } finally {
    await bobContext.close();
  }
});
