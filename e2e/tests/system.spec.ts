import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { actAs, apiUrl, chairAccessToken, newParticipant, registerViaApi } from './support';
import { photograph } from './screenshots';

/** An admin besides the chair: the chair grants the role, and a new sign-in carries it. */
async function newAdmin(request: Parameters<typeof chairAccessToken>[0]) {
  const who = newParticipant();
  const registered = await registerViaApi(request, who);
  const chair = await chairAccessToken(request);
  const granted = await request.patch(apiUrl(`/users/${registered.user.id}/roles`), {
    headers: { Authorization: `Bearer ${chair}` },
    data: { roles: ['admin'] },
  });
  expect(granted.ok()).toBe(true);
  const login = await request.post(apiUrl('/auth/login'), {
    data: { email: who.email, password: who.password },
  });
  return (await login.json()) as { accessToken: string; refreshToken: string };
}

test('an admin sees the instance, its load, the database, Redis and backups on the system page', async ({
  page,
  request,
}, testInfo) => {
  await actAs(page, await newAdmin(request), 'en');
  await page.goto('/admin/system');
  await expect(page.getByRole('heading', { name: 'System', level: 1 })).toBeVisible();
  for (const section of ['This instance', 'Load', 'Database and Redis', 'Backups'])
    await expect(page.getByRole('region', { name: section })).toBeVisible();
  await expect(page.getByText('Sockets connected')).toBeVisible();
  await expect(page.getByText(/^Helix \d+\.\d+\.\d+, schema 1$/)).toBeVisible();
  const accessibility = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(accessibility.violations).toEqual([]);
  await photograph(page, `system-en-${testInfo.project.name}`, { fullPage: true });
});

test('a participant is told the page is for admins', async ({ page, request }) => {
  await actAs(page, await registerViaApi(request, newParticipant()), 'ru');
  await page.goto('/admin/system');
  await expect(page.getByText('Страницу системы видят только администраторы.')).toBeVisible();
  await expect(page.getByText('Подключённых сокетов')).toBeHidden();
});
