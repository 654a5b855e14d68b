import { expect, test } from '@playwright/test';
import { VENUE_URL } from '../origins';
import { actAs, apiUrl, chairSession, chooseLanguage, newParticipant, signUp } from './support';
import { photograph } from './screenshots';

test('a person asks to change group, an organizer approves, then the person deletes the account', async ({
  page,
  browser,
}, testInfo) => {
  const person = newParticipant({ displayName: `Lena ${testInfo.project.name}`, organization: 'TSU' });
  await signUp(page, person);
  await page.goto('/profile');
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await expect(page.getByText('Your group: University.')).toBeVisible();
  await page.getByLabel('Move to').selectOption('business');
  await page.getByLabel('Why (optional)').fill('I work at a bank now');
  await page.getByRole('button', { name: 'Request a change' }).click();
  await expect(page.getByText('Waiting for an organizer: a move to Business.')).toBeVisible();
  await photograph(page, `profile-en-${testInfo.project.name}`, { fullPage: true });
  await chooseLanguage(page, 'ru');
  await expect(page.getByRole('heading', { name: 'Ваш профиль' })).toBeVisible();
  await photograph(page, `profile-ru-${testInfo.project.name}`, { fullPage: true });
  await chooseLanguage(page, 'en');

  // The chair (an organizer of every forum) decides in the people directory.
  const chairContext = await browser.newContext({ baseURL: VENUE_URL });
  const chair = await chairContext.newPage();
  await actAs(chair, await chairSession(chair.request), 'en');
  await chair.goto('/people');
  const requests = chair.getByRole('region', { name: 'Group change requests' });
  await expect(requests).toContainText(person.displayName);
  await requests.getByRole('button', { name: `Approve: ${person.displayName}` }).click();
  await expect(requests.getByRole('button', { name: `Approve: ${person.displayName}` })).toBeHidden();
  await chairContext.close();

  await page.reload();
  await expect(page.getByText('Your group: Business.')).toBeVisible();

  await page.getByRole('button', { name: 'Delete my account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
  await dialog.getByLabel('Your password, to confirm').fill('not my password');
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(
    dialog
      .getByRole('alert')
      .or(dialog.getByText(/password is not correct/i))
      .first(),
  ).toBeVisible();
  await dialog.getByLabel('Your password, to confirm').fill(person.password);
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.goto('/profile');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const login = await page.request.post(apiUrl('/auth/login'), {
    data: { email: person.email, password: person.password },
  });
  expect(login.status()).toBe(401);
});
