import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiUrl, chairAccessToken, newParticipant, registerViaApi, signIn } from './support';
import { photograph } from './screenshots';

/** The token of the newest message to `to` in the outbox (the test server has no SMTP_URL). */
async function outboxToken(request: APIRequestContext, to: string, subject: string): Promise<string> {
  const token = await chairAccessToken(request);
  let found: string | null = null;
  await expect
    .poll(async () => {
      const response = await request.get(apiUrl(`/admin/outbox?to=${encodeURIComponent(to)}`), {
        headers: { Authorization: `Bearer ${token}` },
      });
      const messages = (await response.json()) as { subject: string; text: string }[];
      const link = messages.find((message) => message.subject === subject)?.text.match(/https?:\/\/\S+/)?.[0];
      found = link ? new URL(link).searchParams.get('token') : null;
      return found;
    })
    .not.toBeNull();
  return found as unknown as string;
}

test('a participant who forgot the password resets it from the phone and signs in with the new one', async ({
  page,
}) => {
  const who = newParticipant();
  await registerViaApi(page.request, who);

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(who.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status')).toContainText('a link is on its way');

  const token = await outboxToken(page.request, who.email, 'Reset your Helix password');
  // The e-mailed link, opened on the venue address the phone uses.
  await page.goto(`/reset-password?token=${encodeURIComponent(token)}`);
  await page.getByLabel('New password', { exact: true }).fill('a new forum password');
  await photograph(page, 'reset-password-en-phone');
  await page.getByRole('button', { name: 'Set the password' }).click();
  await expect(page.getByRole('status')).toContainText('signed out everywhere');

  await signIn(page, { email: who.email, password: 'a new forum password' });
});

test('a sign-in link from the e-mail signs the phone in once', async ({ page, browser }) => {
  const who = newParticipant();
  await registerViaApi(page.request, who);
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'E-mail me a sign-in link' }).click();
  await page.getByLabel('Email').fill(who.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status')).toBeVisible();

  const token = await outboxToken(page.request, who.email, 'Your Helix sign-in link');
  await page.goto(`/sign-in-link?token=${encodeURIComponent(token)}`);
  await expect(page.getByRole('heading', { name: /tracks/i })).toBeVisible();

  // The same link on another device: already used.
  const other = await (await browser.newContext()).newPage();
  await other.goto(`/sign-in-link?token=${encodeURIComponent(token)}`);
  await expect(other.getByRole('alert')).toContainText('already used');
});
