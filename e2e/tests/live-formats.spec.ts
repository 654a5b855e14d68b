import { devices, expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { actAs, newParticipant, registerViaApi, signUpModerator, type Participant } from './support';

const ROOM = 'University in an urban ecosystem';

const pollCard = (page: Page, question: string): Locator =>
  page.getByTestId('poll').filter({ has: page.getByRole('heading', { name: question }) });

/** A participant on a phone (360 × 780), signed in with a fresh account of this group. */
async function phoneOf(browser: Browser, group: Participant['group']): Promise<Page> {
  const { baseURL } = test.info().project.use;
  const context = await browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 360, height: 780 },
    baseURL,
  });
  const page = await context.newPage();
  const tokens = await registerViaApi(context.request, newParticipant({ group }));
  await actAs(page, tokens, 'en');
  return page;
}

/** Drafts a poll of this kind in the room's composer and opens it; answers its id. */
async function createAndOpen(
  moderator: Page,
  question: string,
  kind: 'Word cloud' | 'Ranking' | 'Rating scale',
  options: string[],
): Promise<string> {
  const polls = moderator.getByTestId('room-polls');
  const composer = polls.getByTestId('poll-composer');
  // The composer stays open after a draft is saved; its summary toggles it.
  if (!(await composer.isVisible())) await polls.getByText('Create a poll', { exact: true }).click();
  await composer.getByRole('radio', { name: kind }).check();
  await composer.getByLabel('Question').fill(question);
  for (const [index, option] of options.entries()) {
    if (index >= 2) await composer.getByRole('button', { name: 'Add option' }).click();
    await composer.getByLabel(`Option ${index + 1}`, { exact: true }).fill(option);
  }
  await composer.getByRole('button', { name: 'Save draft' }).click();
  const card = pollCard(moderator, question);
  await card.getByRole('button', { name: 'Open poll' }).click();
  await expect(card).toHaveAttribute('data-status', 'open');
  return (await card.getAttribute('data-poll-id')) as string;
}

test('word cloud, ranking and rating: phones answer, the projector shows the result, the winner seeds an initiative', async ({
  page: moderator,
  browser,
}) => {
  test.setTimeout(150_000);
  const run = randomBytes(3).toString('hex');
  const cloudQuestion = `One word for the region? (${run})`;
  const rankingQuestion = `Put the clusters in order (${run})`;
  const ratingQuestion = `How ready is the city? (${run})`;

  await signUpModerator(moderator);
  await moderator.getByRole('link', { name: ROOM }).click();
  const roomPath = new URL(moderator.url()).pathname;

  // A word cloud takes no options; the composer hides them.
  const cloudId = await createAndOpen(moderator, cloudQuestion, 'Word cloud', []);
  const rankingId = await createAndOpen(moderator, rankingQuestion, 'Ranking', [
    'Campus',
    'Mobility',
    'Jobs',
  ]);
  const ratingId = await createAndOpen(moderator, ratingQuestion, 'Rating scale', ['Roads', 'Labs']);

  const university = await phoneOf(browser, 'university');
  const business = await phoneOf(browser, 'business');
  try {
    for (const [phone, words] of [
      [university, ['Talent', 'housing']],
      [business, ['talent!']],
    ] as const) {
      await phone.goto(`${roomPath}?poll=${cloudId}`);
      const card = pollCard(phone, cloudQuestion);
      for (const [index, word] of words.entries()) await card.getByLabel(`Word ${index + 1}`).fill(word);
      await card.getByRole('button', { name: 'Send' }).click();
      await expect(card.getByTestId('cloud-word').filter({ hasText: 'talent' })).toBeVisible();
    }

    // The ranking is put in order from the keyboard: Jobs moves up twice, to first place.
    for (const phone of [university, business]) {
      await phone.goto(`${roomPath}?poll=${rankingId}`);
      const card = pollCard(phone, rankingQuestion);
      await card.getByRole('button', { name: 'Move Jobs up' }).focus();
      await phone.keyboard.press('Enter');
      await card.getByRole('button', { name: 'Move Jobs up' }).focus();
      await phone.keyboard.press('Enter');
      await expect(card.getByTestId('ranking-item').first()).toContainText('Jobs');
      await card.getByRole('button', { name: 'Send my order' }).click();
      await expect(card.getByRole('button', { name: 'Change my order' })).toBeVisible();
    }

    for (const [phone, roads, labs] of [
      [university, '5', '2'],
      [business, '4', '3'],
    ] as const) {
      await phone.goto(`${roomPath}?poll=${ratingId}`);
      const card = pollCard(phone, ratingQuestion);
      await card
        .getByRole('group', { name: 'Roads' })
        .getByRole('radio', { name: `${roads} of 5` })
        .check();
      await expect(
        card.getByRole('group', { name: 'Roads' }).getByRole('radio', { name: `${roads} of 5` }),
      ).toBeChecked();
      await card
        .getByRole('group', { name: 'Labs' })
        .getByRole('radio', { name: `${labs} of 5` })
        .check();
      await expect(
        card.getByRole('group', { name: 'Labs' }).getByRole('radio', { name: `${labs} of 5` }),
      ).toBeChecked();
    }
  } finally {
    await university.context().close();
    await business.context().close();
  }

  // The projector, at 1920 × 1080, shows each format's result and the split by group.
  const projector = await moderator.context().newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`/present/poll/${cloudId}`);
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-kind', 'word_cloud');
  const words = projector.getByTestId('cloud-word');
  await expect(words.first()).toContainText('talent');
  await expect(words.filter({ hasText: 'housing' })).toHaveCount(1);
  const [big, small] = await Promise.all(
    [words.first(), words.filter({ hasText: 'housing' })].map((word) =>
      word.evaluate((element) => parseFloat(getComputedStyle(element).fontSize)),
    ),
  );
  expect(big).toBeGreaterThan(small);
  await expect(projector.getByTestId('projector-voters')).toHaveText('2 voters');

  await projector.goto(`/present/poll/${rankingId}`);
  const ranked = projector.getByTestId('ranking-result');
  // Both put Jobs, Campus, Mobility: 2 + 2, 1 + 1, 0 points.
  await expect(ranked.nth(0)).toContainText('Jobs');
  await expect(ranked.nth(0)).toContainText('4 points');
  await expect(ranked.nth(2)).toContainText('Mobility');
  await expect(projector.getByTestId('format-split')).toContainText('Business');

  await projector.goto(`/present/poll/${ratingId}`);
  const rated = projector.getByTestId('rating-result');
  await expect(rated.filter({ hasText: 'Roads' }).getByTestId('rating-mean')).toContainText('4.5 / 5');
  await expect(rated.filter({ hasText: 'Labs' }).getByTestId('rating-mean')).toContainText('2.5 / 5');
  await projector.close();

  // Closing the ranking makes its winner the seed of a draft initiative.
  const rankingCard = pollCard(moderator, rankingQuestion);
  moderator.once('dialog', (dialog) => void dialog.accept());
  await rankingCard.getByRole('button', { name: 'Close poll' }).click();
  // A closed poll moves to the room's closed list; the poll's own link opens it there.
  await moderator.goto(`${roomPath}?poll=${rankingId}`);
  await expect(rankingCard).toHaveAttribute('data-status', 'closed');
  await rankingCard.getByRole('link', { name: 'Start an initiative from “Jobs”' }).click();
  await expect(moderator).toHaveURL(/\/initiatives\/new\?/);
  await expect(moderator.getByLabel('Title')).toHaveValue('Jobs');
  await expect(moderator.getByLabel('Summary')).toHaveValue(
    new RegExp(`poll “${rankingQuestion.replace(/[()]/g, '\\$&')}”.*\\?poll=${rankingId}`),
  );
  await moderator.getByRole('button', { name: 'Create the draft' }).click();
  await expect(moderator).toHaveURL(/\/initiatives\/[0-9a-f]{24}$/);
  await expect(moderator.getByRole('heading', { name: 'Jobs' })).toBeVisible();
});
