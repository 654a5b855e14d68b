import type { Forum, RosterEntry, User } from '@helix/contract';
import { expect, test } from '@playwright/test';
import { actAs, api, chairAccessToken, chairSession, sessionTokens } from './support';
import { photograph } from './screenshots';

test('an organizer imports a roster and prints badges whose QR link signs a phone in', async ({
  page,
  browser,
}, testInfo) => {
  const tag = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const people = [
    ['Alisa Orlova', `alisa-${tag}@badges.test`, 'Tomsk State University', 'Университет'],
    ['Boris Petrov', `boris-${tag}@badges.test`, 'Sibirskie Seti', 'Бизнес'],
    ['Chloe Martin', `chloe-${tag}@badges.test`, 'City Hall', 'government'],
  ];
  const csv = ['Name,E-mail,Organization,Group', ...people.map((person) => person.join(','))].join('\n');
  const token = await chairAccessToken(page.request);
  const [forum] = await api<Forum[]>(page.request, token, 'GET', '/forums');
  await actAs(page, await chairSession(page.request), 'en');

  await page.goto(`/forums/${forum.id}`);
  await page.getByRole('link', { name: 'Roster and badges' }).click();
  await expect(page.getByRole('heading', { name: 'Roster and badges', level: 1 })).toBeVisible();
  // A bad line first: the report names it, and nothing is imported.
  await page.getByLabel('Registration list (CSV or XLSX)').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${csv}\nNo Email,,Somewhere,business`),
  });
  await expect(page.getByTestId('roster-report')).toContainText('5');
  await expect(page.getByRole('button', { name: 'Import the list' })).toHaveCount(0);

  await page.getByLabel('Registration list (CSV or XLSX)').setInputFiles({
    name: 'registrations.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await expect(page.getByText('The file is fine. New accounts: 3.')).toBeVisible();
  await page.getByRole('button', { name: 'Import the list' }).click();
  await expect(page.getByRole('status')).toContainText('Imported. New accounts: 3.');

  await page.getByRole('link', { name: 'Badge sheet' }).click();
  await expect(page.getByRole('heading', { name: 'Badges', level: 1 })).toBeVisible();
  const roster = await api<RosterEntry[]>(page.request, token, 'GET', `/forums/${forum.id}/roster`);
  const printable = roster.filter((entry) => entry.badgeToken).length;
  await expect(page.getByTestId('badge')).toHaveCount(printable);
  // The desktop and phone runs share one server: this run's badges are the newest of each name.
  for (const [name, , organization] of people) {
    const badge = page.getByTestId('badge').filter({ hasText: name }).last();
    await expect(badge).toContainText(organization);
    await expect(badge.getByRole('img', { name: `Sign-in code of ${name}` })).toBeVisible();
  }
  await expect(page.getByTestId('badge').filter({ hasText: 'Boris Petrov' }).last()).toContainText(
    'Business',
  );
  await photograph(page, `badges-en-${testInfo.project.name}`);

  // The link the QR code carries (decoding the picture is not the point): a fresh phone opens it.
  const alisa = page.getByTestId('badge').filter({ hasText: 'Alisa Orlova' }).last();
  const link = (await alisa.getAttribute('data-link')) as string;
  expect(link).toMatch(/\/b\/[0-9a-f]{24}\./);
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true });
  const phonePage = await phone.newPage();
  await phonePage.goto(link);
  await expect(phonePage).toHaveURL(/\/rooms$/);
  const me = await api<User>(
    phonePage.request,
    (await sessionTokens(phonePage)).accessToken,
    'GET',
    '/auth/me',
  );
  expect(me.email).toBe(people[0][1]);
  await phone.close();
});
