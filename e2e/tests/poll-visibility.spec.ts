import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousViolations } from './axe';
import { api, chairAccessToken, newParticipant, signUp, signUpModerator } from './support';

const ROOM = 'University in an urban ecosystem';

const pollCard = (page: Page, question: string): Locator =>
  page.getByTestId('poll').filter({ has: page.getByRole('heading', { name: question }) });

const optionResult = (card: Locator, label: string): Locator =>
  card.getByTestId('poll-option').filter({ hasText: label }).getByTestId('poll-option-result');

const runId = (): string => randomBytes(3).toString('hex');

test('"after vote": a participant on a phone sees no results until they vote', async ({ page, browser }) => {
  const question = `Which lab first? (${runId()})`;
  // The moderator drafts and opens the poll on a laptop.
  const laptop = await browser.newContext();
  try {
    const moderator = await laptop.newPage();
    await signUpModerator(moderator);
    await moderator.getByRole('link', { name: ROOM }).click();
    const roomPath = new URL(moderator.url()).pathname;
    const polls = moderator.getByTestId('room-polls');
    await polls.getByText('Create a poll', { exact: true }).click();
    const composer = polls.getByTestId('poll-composer');
    await composer.getByLabel('Question').fill(question);
    await composer.getByLabel('Option 1', { exact: true }).fill('Living labs');
    await composer.getByLabel('Option 2', { exact: true }).fill('Student grants');
    await composer.getByRole('radio', { name: 'Each person once they have voted' }).check();
    await composer.getByRole('button', { name: 'Save draft' }).click();
    const draft = pollCard(moderator, question);
    await expect(draft).toHaveAttribute('data-status', 'draft');
    await expect(draft.getByLabel('Closes by itself')).toHaveValue('none');
    await draft.getByRole('button', { name: 'Open poll' }).click();
    await expect(draft).toHaveAttribute('data-status', 'open');
    const pollId = await draft.getAttribute('data-poll-id');

    // The participant, on the phone, sees the question and options but no counts.
    await signUp(page, newParticipant({ group: 'business' }));
    await page.goto(`${roomPath}?poll=${pollId}`);
    const card = pollCard(page, question);
    await expect(card.getByTestId('poll-results-hidden')).toHaveText('Results are shown after you vote.');
    await expect(card.getByText('Results after you vote')).toBeVisible();
    await expect(card.getByTestId('poll-option-result')).toHaveCount(0);
    await expect(card.getByTestId('poll-voters')).toHaveCount(0);
    await card.scrollIntoViewIfNeeded();
    await expectNoSeriousViolations(page, 'room page with an "after vote" poll');

    // The moderator's own vote does not reveal anything to the participant.
    await pollCard(moderator, question).getByRole('radio', { name: 'Student grants' }).click();
    await expect(pollCard(moderator, question).getByTestId('poll-voters')).toHaveText('1 voter');
    await expect(card.getByTestId('poll-option-result')).toHaveCount(0);

    // Once they vote, they see the results, and they stay live.
    await card.getByRole('radio', { name: 'Living labs' }).click();
    await expect(optionResult(card, 'Living labs')).toHaveText('50% · 1 vote');
    await expect(optionResult(card, 'Student grants')).toHaveText('50% · 1 vote');
    await expect(card.getByTestId('poll-results-hidden')).toHaveCount(0);
    await expect(card.getByTestId('poll-voters')).toHaveText('2 voters');
    await pollCard(moderator, question).getByRole('radio', { name: 'Living labs' }).click();
    await expect(optionResult(card, 'Living labs')).toHaveText('100% · 2 votes');
  } finally {
    await laptop.close();
  }
});

test('"after close" with a countdown: results only once the poll has closed by itself', async ({ page }) => {
  const question = `Which district next? (${runId()})`;
  const chair = await chairAccessToken(page.request);
  const rooms = await api<Array<{ id: string; title: string }>>(page.request, chair, 'GET', '/rooms');
  const room = rooms.find((candidate) => candidate.title === ROOM);
  expect(room, 'the seeded room').toBeDefined();
  const draft = await api<{ id: string }>(page.request, chair, 'POST', `/rooms/${room?.id}/polls`, {
    question,
    options: ['North', 'South'],
    resultsVisibility: 'after_close',
  });

  await signUp(page, newParticipant({ group: 'government' }));
  await api(page.request, chair, 'POST', `/polls/${draft.id}/open`, { closesInSeconds: 12 });
  await page.goto(`/rooms/${room?.id}?poll=${draft.id}`);
  const card = pollCard(page, question);
  await expect(card).toHaveAttribute('data-status', 'open');
  await expect(card.getByTestId('poll-countdown')).toContainText(/Closes in 0:(0\d|1[0-2])/);
  await expect(card.getByTestId('poll-countdown').locator('[aria-live="polite"]')).toHaveText(
    '1 minute left',
  );

  await card.getByRole('radio', { name: 'South' }).click();
  await expect(card.getByText('Your vote is counted.', { exact: false })).toBeVisible();
  await expect(card.getByTestId('poll-results-hidden')).toHaveText('Results are shown when the poll closes.');
  await expect(card.getByTestId('poll-option-result')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await expectNoSeriousViolations(page, 'room page with a counting-down "after close" poll');

  // Nobody closes it: the server does when the countdown runs out, and the results appear.
  await expect(card).toHaveAttribute('data-status', 'closed', { timeout: 25_000 });
  await expect(card.getByTestId('poll-countdown')).toHaveCount(0);
  await expect(optionResult(card, 'South')).toHaveText('100% · 1 vote');
  await expect(card.getByTestId('poll-results-hidden')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'room page with a closed "after close" poll');
});
