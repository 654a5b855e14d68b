import { devices, expect, test, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousViolations } from './axe';
import { accessToken, api, newParticipant, registerViaApi, signUp, signUpModerator } from './support';

const consolePoll = (page: Page, question: string): Locator =>
  page.getByTestId('console-poll').filter({ has: page.getByRole('heading', { name: question }) });

const consoleQuestion = (page: Page, text: string): Locator =>
  page.getByTestId('console-qa').getByTestId('question').filter({ hasText: text });

test('the console runs the room: a poll from draft to closed with live results, questions answered and dismissed, all in the log', async ({
  page: moderator,
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  const run = randomBytes(3).toString('hex');
  const question = `Which lab opens first? (${run})`;
  const answered = `Who runs the lab on weekends? (${run})`;
  const dismissed = `Where is the parking? (${run})`;

  // The moderator, in a cluster room of their own for each project, with questions published at once.
  await signUpModerator(moderator, newParticipant({ group: 'government', organization: 'City Hall' }));
  const token = await accessToken(moderator);
  const rooms = await api<Array<{ id: string; kind: string }>>(moderator.request, token, 'GET', '/rooms');
  const clusters = rooms.filter((room) => room.kind === 'cluster');
  const room = clusters.at(testInfo.project.name === 'phone' ? -1 : -2) ?? clusters[0];
  await api(moderator.request, token, 'PATCH', `/rooms/${room.id}/settings`, {
    qaReview: false,
    qaOpen: true,
  });

  await moderator.goto(`/rooms/${room.id}/moderate`);
  const console_ = moderator.getByTestId('moderator-console');
  await expect(console_).toBeVisible();

  // Compose the poll in the console itself.
  const polls = moderator.getByTestId('console-polls');
  await polls.getByText('Create a poll', { exact: true }).click();
  const composer = polls.getByTestId('poll-composer');
  await composer.getByLabel('Question').fill(question);
  await composer.getByLabel('Option 1', { exact: true }).fill('Chemistry lab');
  await composer.getByLabel('Option 2', { exact: true }).fill('Robotics lab');
  await composer.getByRole('button', { name: 'Save draft' }).click();
  const poll = consolePoll(moderator, question);
  await expect(poll).toHaveAttribute('data-status', 'draft');
  const pollId = await poll.getAttribute('data-poll-id');

  await poll.getByRole('button', { name: 'Open poll' }).click();
  await expect(poll).toHaveAttribute('data-status', 'open');
  await expect(poll.getByTestId('poll-voters')).toHaveText('0 voters');

  // A participant from business votes from a phone.
  const phone = await browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 360, height: 780 },
    baseURL: testInfo.project.use.baseURL,
  });
  try {
    const participant = await phone.newPage();
    await signUp(participant, newParticipant({ group: 'business', organization: 'Sibur' }));
    await participant.goto(`/rooms/${room.id}`);
    const ballot = participant
      .getByTestId('poll')
      .filter({ has: participant.getByRole('heading', { name: question }) });
    await ballot.getByRole('radio', { name: 'Robotics lab' }).click();
    await expect(ballot.getByRole('radio', { name: 'Robotics lab' })).toBeChecked();

    // The console follows live: the count, the result and the split by stakeholder group.
    await expect(poll.getByTestId('poll-voters')).toHaveText('1 voter');
    const results = poll.getByTestId('console-poll-results');
    await expect(results.getByTestId('poll-option').filter({ hasText: 'Robotics lab' })).toContainText(
      '100%',
    );
    await results.getByText('By stakeholder group').click();
    const split = results.getByRole('table');
    await expect(split.getByRole('columnheader', { name: 'Business' })).toBeVisible();
    await expect(split.getByRole('row', { name: /Robotics lab/ })).toContainText('1');

    // Closing asks first: dismissed, nothing changes; accepted, the poll is closed for everyone.
    moderator.once('dialog', (dialog) => void dialog.dismiss());
    await poll.getByRole('button', { name: 'Close poll' }).click();
    await expect(poll).toHaveAttribute('data-status', 'open');
    moderator.once('dialog', (dialog) => {
      expect(dialog.message()).toContain(question);
      void dialog.accept();
    });
    await poll.getByRole('button', { name: 'Close poll' }).click();
    const closed = moderator.locator(`[data-testid="console-poll"][data-status="closed"]`).filter({
      hasText: question,
    });
    await expect(closed).toHaveCount(1);
    // The participant's card is folded away among the closed polls, its results final.
    await expect(participant.locator(`[data-testid="poll"][data-poll-id="${pollId}"]`)).toHaveAttribute(
      'data-status',
      'closed',
    );

    // Two questions from the floor reach the console live, most upvoted first.
    const asker = await registerViaApi(moderator.request, newParticipant({ group: 'university' }));
    for (const text of [dismissed, answered]) {
      await api(moderator.request, asker.accessToken, 'POST', `/rooms/${room.id}/questions`, {
        text,
        clientId: `console-${run}-${randomBytes(3).toString('hex')}`,
      });
    }
    await expect(consoleQuestion(moderator, answered)).toBeVisible();
    await consoleQuestion(moderator, answered).getByRole('button', { name: 'Mark answered' }).click();
    await expect(moderator.getByTestId('console-qa').getByTestId('answered-questions')).toContainText(
      answered,
    );

    const toDismiss = consoleQuestion(moderator, dismissed);
    await toDismiss.getByRole('button', { name: 'Dismiss' }).click();
    await toDismiss.getByLabel('Reason (optional)').fill('Not about the labs');
    await toDismiss.getByRole('button', { name: 'Dismiss the question' }).click();
    await expect(moderator.getByTestId('console-qa').getByTestId('dismissed-questions')).toContainText(
      dismissed,
    );

    // The log has every open, close and decision, newest first, each with who did it.
    const entries = moderator.getByTestId('moderation-log').getByTestId('moderation-entry');
    await expect(entries.nth(0)).toHaveAttribute('data-action', 'question.dismissed');
    await expect(entries.nth(0)).toContainText('Reason: Not about the labs');
    await expect(entries.nth(1)).toHaveAttribute('data-action', 'question.answered');
    await expect(entries.nth(2)).toHaveAttribute('data-action', 'poll.closed');
    await expect(entries.nth(2)).toContainText(`Poll closed “${question}”`);
    await expect(entries.nth(3)).toHaveAttribute('data-action', 'poll.opened');
    await expect(entries.nth(3)).toContainText('City Hall');

    await expectNoSeriousViolations(moderator, 'moderator console');
  } finally {
    await phone.close();
  }
});
