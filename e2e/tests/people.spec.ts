import { expect, test } from '@playwright/test';
import { actAs, apiUrl, chairAccessToken, newParticipant, registerViaApi } from './support';
import { photograph } from './screenshots';

test('a moderator finds a participant in the people directory on the phone', async ({ page }) => {
  const moderator = newParticipant({ displayName: 'Mira Moderator' });
  const { user } = await registerViaApi(page.request, moderator);
  const wanted = newParticipant({
    displayName: 'Zoya Zhukova',
    organization: 'Tomsk Polytechnic',
    group: 'business',
  });
  await registerViaApi(page.request, wanted);
  const promoted = await page.request.patch(apiUrl(`/people/${user.id}/roles`), {
    headers: { Authorization: `Bearer ${await chairAccessToken(page.request)}` },
    data: { roles: ['moderator'] },
  });
  expect(promoted.ok()).toBe(true);
  // Roles travel in the access token: sign in again to carry the new one.
  const signedIn = await page.request.post(apiUrl('/auth/login'), {
    data: { email: moderator.email, password: moderator.password },
  });
  await actAs(page, await signedIn.json(), 'en');

  await page.goto('/rooms');
  const menu = page.getByRole('button', { name: /menu/i });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  // By e-mail: every run (and project) registers another Zoya Zhukova in the same database.
  await page.getByLabel('Name, organization or e-mail').fill(wanted.email);
  await page.getByLabel('Stakeholder group').selectOption('business');
  const list = page.getByRole('list', { name: 'People' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Tomsk Polytechnic');
  await photograph(page, 'people-en-phone');
});
