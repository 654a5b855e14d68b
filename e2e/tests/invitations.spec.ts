import { expect, test } from '@playwright/test';
import { accessToken, actAs, api, chairSession, chooseLanguage, newParticipant } from './support';
import { photograph } from './screenshots';

/*
 * An organizer makes an invitation to moderate one room; a new person opens its link on a phone, creates
 * an account there, comes back to the invitation, accepts it and lands in the room as its moderator.
 * With README_SCREENSHOTS=1 the pictures of it the README shows are refreshed (see screenshots.ts).
 */

test('an invitation link makes a new person moderator of one room, on a phone', async ({
  browser,
  page,
  request,
}, testInfo) => {
  const chair = await chairSession(request);
  const rooms = await api<{ id: string; title: string; forumId: string }[]>(
    request,
    chair.accessToken,
    'GET',
    '/rooms',
  );
  const room = rooms[0];

  await actAs(page, chair, 'en');
  await page.goto(`/forums/${room.forumId}/invitations`);
  await expect(page.getByRole('heading', { name: 'Invitations', level: 1 })).toBeVisible();
  await page.getByLabel('Role').selectOption('moderator');
  await page.getByRole('checkbox', { name: room.title }).check();
  await page.getByLabel('Number of uses').fill('1');
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const link = page.getByLabel('Invitation link').first();
  await expect(link).toHaveValue(/\/invite\//);
  const invitePath = new URL(await link.inputValue()).pathname;
  await photograph(page, `invitations-en-${testInfo.project.name}`, { fullPage: true });
  await chooseLanguage(page, 'ru');
  await expect(page.getByRole('heading', { name: 'Приглашения', level: 1 })).toBeVisible();
  await photograph(page, `invitations-ru-${testInfo.project.name}`, { fullPage: true });

  const phone = await browser.newContext({ ...testInfo.project.use });
  const guest = await phone.newPage();
  const newcomer = newParticipant();
  await guest.goto(invitePath);
  await expect(guest.getByText(/invited to moderate rooms/)).toBeVisible();
  await guest.getByRole('link', { name: 'Create an account' }).click();
  await guest.getByLabel('Email').fill(newcomer.email);
  await guest.getByLabel('Password').fill(newcomer.password);
  await guest.getByLabel('Display name').fill(newcomer.displayName);
  await guest.getByLabel('Organization').fill(newcomer.organization);
  await guest.getByLabel('Stakeholder group').selectOption(newcomer.group);
  await guest.getByRole('button', { name: 'Create account' }).click();

  await guest.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(guest).toHaveURL(new RegExp(`/rooms/${room.id}`));
  const me = await api<{ moderatedRoomIds: string[] }>(request, await accessToken(guest), 'GET', '/auth/me');
  expect(me.moderatedRoomIds).toEqual([room.id]);

  // Used up: the same link now says so, to anyone.
  const late = await browser.newContext({ ...testInfo.project.use });
  const latePage = await late.newPage();
  await latePage.goto(invitePath);
  await expect(latePage.getByRole('alert')).toContainText('used as many times');
  await late.close();
  await phone.close();
});
