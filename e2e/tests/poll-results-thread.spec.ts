import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousViolations } from './axe';
import { accessToken, actAs, api, newParticipant, registerViaApi, signUpModerator } from './support';

const ROOM = 'University in an urban ecosystem';

interface Poll {
  id: string;
  options: Array<{ id: string; label: string }>;
}

test('a closed poll posts its result into a thread of its room, where the room discusses it in either language', async ({
  page: moderator,
  browser,
}) => {
  const run = randomBytes(3).toString('hex');
  const question = `Which should the city fund first? (${run})`;

  await signUpModerator(moderator);
  await moderator.getByRole('link', { name: ROOM }).click();
  const roomPath = new URL(moderator.url()).pathname;
  const roomId = roomPath.split('/').at(-1) as string;

  // A poll three people voted in: two for the labs, one for the grants.
  const token = await accessToken(moderator);
  const draft = await api<Poll>(moderator.request, token, 'POST', `/rooms/${roomId}/polls`, {
    question,
    options: ['Living labs', 'Student grants', 'Innovation hubs'],
  });
  const poll = await api<Poll>(moderator.request, token, 'POST', `/polls/${draft.id}/open`);
  const [labs, grants] = poll.options;
  const voters = await Promise.all(
    (['business', 'government'] as const).map((group) =>
      registerViaApi(moderator.request, newParticipant({ group })),
    ),
  );
  await api(moderator.request, voters[0].accessToken, 'POST', `/polls/${poll.id}/votes`, {
    optionIds: [labs.id],
  });
  await api(moderator.request, voters[1].accessToken, 'POST', `/polls/${poll.id}/votes`, {
    optionIds: [labs.id],
  });
  await api(moderator.request, token, 'POST', `/polls/${poll.id}/votes`, { optionIds: [grants.id] });

  // A participant reading the room in Russian sees the thread arrive as the poll closes.
  const phone = await browser.newContext();
  try {
    const reader = await phone.newPage();
    await actAs(reader, voters[0], 'ru');
    await reader.goto(roomPath);
    await expect(reader.getByRole('link', { name: question })).toHaveCount(0);

    await moderator.reload();
    const card = moderator
      .getByTestId('poll')
      .filter({ has: moderator.getByRole('heading', { name: question }) });
    moderator.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: 'Close poll' }).click();
    await expect(reader.getByRole('link', { name: question })).toBeVisible();

    // The closed poll, unfolded, leads to its discussion.
    await moderator.getByTestId('room-polls').locator('summary', { hasText: question }).click();
    await card.getByRole('link', { name: 'Discuss the result' }).click();
    await expect(moderator).toHaveURL(new RegExp(`${roomPath}/threads/[0-9a-f]{24}$`));
    await expect(moderator.getByRole('heading', { level: 1, name: question })).toBeVisible();

    // Helix's post: the result in words and numbers, not colour alone.
    const message = moderator.getByTestId('message').first();
    await expect(message).toContainText('Helix');
    await expect(message).toContainText('Automatic post');
    const result = message.getByTestId('poll-result-card');
    await expect(result.getByRole('heading', { name: 'Poll result' })).toBeVisible();
    await expect(result.getByTestId('poll-voters')).toHaveText('3 voters');
    await expect(result.getByTestId('poll-result-winner')).toHaveText('Came first: “Living labs”');
    const option = (label: string) =>
      result.getByTestId('poll-option').filter({ hasText: label }).getByTestId('poll-option-result');
    await expect(option('Living labs')).toHaveText('67% · 2 votes');
    await expect(option('Student grants')).toHaveText('33% · 1 vote');
    await expect(option('Innovation hubs')).toHaveText('0% · 0 votes');
    await expect(result.getByRole('link', { name: 'Open the poll' })).toHaveAttribute(
      'href',
      `${roomPath}?poll=${poll.id}`,
    );
    await expectNoSeriousViolations(moderator, 'poll result thread');

    // The Russian reader opens it from the thread list and answers right under the result.
    await reader.getByRole('link', { name: question }).click();
    const posted = reader.getByTestId('poll-result-card');
    await expect(posted.getByRole('heading', { name: 'Итоги опроса' })).toBeVisible();
    await expect(posted.getByTestId('poll-result-winner')).toHaveText('На первом месте: «Living labs»');
    await expect(posted.getByTestId('poll-voters')).toHaveText('3 участника');
    await expect(reader.getByTestId('message').first()).toContainText('Автоматическое сообщение');
    await reader.getByLabel('Сообщение', { exact: true }).fill('Лаборатории — отличный выбор');
    await reader.getByRole('button', { name: 'Отправить' }).click();
    await expect(
      moderator.getByTestId('message').filter({ hasText: 'Лаборатории — отличный выбор' }),
    ).toBeVisible();
  } finally {
    await phone.close();
  }
});
