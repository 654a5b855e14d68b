import { expect, test } from '@playwright/test';
import { newParticipant, signUp } from './support';

test('a new participant signs up, finds the forum rooms, posts in a thread, and the post survives a reload', async ({
  page,
}) => {
  // The server sends a strict Content-Security-Policy; the client must work without breaking it.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signUp(page, newParticipant());

  await expect(
    page.getByRole('link', { name: 'University and the economy of the city/region' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Petrochemical cluster' })).toBeVisible();
  await expect(
    page.getByText('How to create a consensus space to develop and implement joint initiatives?'),
  ).toBeVisible();

  await page.getByRole('link', { name: 'University in an urban ecosystem' }).click();
  const title = `Campus lab ${Date.now()}`;
  await page.getByLabel('New thread title').fill(title);
  await page.getByRole('button', { name: 'Start thread' }).click();
  // Starting a thread opens it, ready for the first message.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  const text = 'Universities can host experimental solutions for city problems <script>alert(1)</script>';
  await page.getByLabel('Message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  const message = page.getByTestId('message').filter({ hasText: 'experimental solutions' });
  await expect(message).toBeVisible();
  await expect(message).not.toHaveAttribute('data-state', 'pending');

  await page.reload();
  await expect(page.getByTestId('message').filter({ hasText: 'experimental solutions' })).toHaveCount(1);
  // Shown as text, never run as HTML.
  await expect(page.getByTestId('message').filter({ hasText: '<script>alert(1)</script>' })).toHaveCount(1);
  expect(violations).toEqual([]);
});
