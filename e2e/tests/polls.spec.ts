import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { newParticipant, signUp, signUpModerator } from './support';

const ROOM = 'University in an urban ecosystem';

/** The poll with this question in a room page. */
const pollCard = (page: Page, question: string): Locator =>
  page.getByTestId('poll').filter({ has: page.getByRole('heading', { name: question }) });

const optionResult = (scope: Locator, label: string): Locator =>
  scope.getByTestId('poll-option').filter({ hasText: label }).getByTestId('poll-option-result');

const projectorResult = (projector: Page, label: string): Locator =>
  projector.getByTestId('projector-option').filter({ hasText: label }).getByTestId('projector-option-result');

test('a moderator runs a poll: participants vote from their phones, the projector follows live', async ({
  page: moderator,
  context,
  browser,
}, testInfo) => {
  const run = randomBytes(3).toString('hex');
  const question = `Which should the city fund first? (${run})`;

  await signUpModerator(moderator);
  await moderator.getByRole('link', { name: ROOM }).click();
  const roomPath = new URL(moderator.url()).pathname;
  expect(roomPath).toMatch(/^\/rooms\/[0-9a-f]{24}$/);

  // Draft the poll.
  const polls = moderator.getByTestId('room-polls');
  await polls.getByText('Create a poll', { exact: true }).click();
  const composer = polls.getByTestId('poll-composer');
  await composer.getByLabel('Question').fill(question);
  await composer.getByLabel('Option 1', { exact: true }).fill('Living labs');
  await composer.getByLabel('Option 2', { exact: true }).fill('Student grants');
  await composer.getByRole('button', { name: 'Add option' }).click();
  await expect(composer.getByLabel('Option 3', { exact: true })).toBeFocused();
  await composer.getByLabel('Option 3', { exact: true }).fill('Innovation hubs');
  await composer.getByRole('button', { name: 'Save draft' }).click();

  const card = pollCard(moderator, question);
  await expect(card).toHaveAttribute('data-status', 'draft');
  const pollId = await card.getAttribute('data-poll-id');
  expect(pollId).toMatch(/^[0-9a-f]{24}$/);

  // Open it, and put it on the projector (a new tab of the moderator's session).
  await card.getByRole('button', { name: 'Open poll' }).click();
  await expect(card).toHaveAttribute('data-status', 'open');
  const [projector] = await Promise.all([
    context.waitForEvent('page'),
    card.getByRole('link', { name: /Show on projector/ }).click(),
  ]);
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await expect(projector).toHaveURL(new RegExp(`/present/poll/${pollId}$`));
  await expect(projector.getByRole('heading', { name: question })).toBeVisible();
  await expect(projector.getByTestId('projector-voters')).toHaveText('0 voters');
  await expect(projector.getByRole('img', { name: /QR code/ })).toBeVisible();
  const questionSize = await projector
    .getByRole('heading', { name: question })
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(questionSize).toBeGreaterThanOrEqual(48);

  // A participant follows the QR code's link from another device.
  const phone = await browser.newContext();
  try {
    const participant = await phone.newPage();
    await signUp(participant, newParticipant({ group: 'business' }));
    await participant.goto(`${roomPath}?poll=${pollId}`);
    const ballot = pollCard(participant, question);
    await expect(ballot).toHaveAttribute('data-highlighted', 'true');
    await expect(ballot).toBeInViewport();

    // Single choice: one tap votes.
    await ballot.getByRole('radio', { name: 'Living labs' }).click();
    await expect(ballot.getByRole('radio', { name: 'Living labs' })).toBeChecked();
    await expect(ballot.getByTestId('poll-option').filter({ hasText: 'Living labs' })).toContainText(
      'Your vote',
    );
    await expect(optionResult(ballot, 'Living labs')).toHaveText('100% · 1 vote');

    // The projector and the moderator's page follow without a reload.
    await expect(projector.getByTestId('projector-voters')).toHaveText('1 voter');
    await expect(projectorResult(projector, 'Living labs')).toHaveText('100% 1 vote');
    await expect(projector.getByRole('list', { name: 'Stakeholder groups' })).toContainText('Business');
    await expect(card.getByTestId('poll-voters')).toHaveText('1 voter');

    // The moderator votes too; the participant changes their mind.
    await card.getByRole('radio', { name: 'Innovation hubs' }).click();
    await ballot.getByRole('radio', { name: 'Student grants' }).click();
    await expect(projector.getByTestId('projector-voters')).toHaveText('2 voters');
    await expect(projectorResult(projector, 'Living labs')).toHaveText('0% 0 votes');
    await expect(projectorResult(projector, 'Student grants')).toHaveText('50% 1 vote');
    await expect(projectorResult(projector, 'Innovation hubs')).toHaveText('50% 1 vote');
    // Room events carry no personal vote: each keeps their own mark.
    await expect(ballot.getByRole('radio', { name: 'Student grants' })).toBeChecked();
    await expect(card.getByRole('radio', { name: 'Innovation hubs' })).toBeChecked();
    await expect(optionResult(ballot, 'Innovation hubs')).toHaveText('50% · 1 vote');

    const screenshots = join(__dirname, '..', 'artifacts', 'screenshots');
    mkdirSync(screenshots, { recursive: true });
    // Bars animate as votes arrive; the still shows where they settle.
    await projector.screenshot({
      path: join(screenshots, `projector-poll-${testInfo.project.name}.png`),
      animations: 'disabled',
    });
    await ballot.screenshot({
      path: join(screenshots, `room-poll-${testInfo.project.name}.png`),
      animations: 'disabled',
    });

    // The results as CSV, fetched with the moderator's token.
    const [download] = await Promise.all([
      moderator.waitForEvent('download'),
      card.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    // Named after the question and the day, in its own script (RFC 5987), not by an id.
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^Which should the city fund first \\(${run}\\) \\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('Student grants');
    expect(csv).toContain('Innovation hubs');

    // Closing asks first (a click by mistake changes nothing), then freezes the results everywhere.
    moderator.once('dialog', (dialog) => void dialog.dismiss());
    await card.getByRole('button', { name: 'Close poll' }).click();
    await expect(ballot).toHaveAttribute('data-status', 'open');
    moderator.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('Close the poll');
      void dialog.accept();
    });
    await card.getByRole('button', { name: 'Close poll' }).click();
    await expect(projector.getByTestId('projector')).toHaveAttribute('data-status', 'closed');
    await expect(projector.getByText('Voting is closed')).toBeVisible();
    await expect(ballot).toHaveAttribute('data-status', 'closed');
    await expect(ballot.getByRole('radio')).toHaveCount(0);
  } finally {
    await phone.close();
  }
});
