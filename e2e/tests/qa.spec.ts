import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { accessToken, api, chooseLanguage, newParticipant, signUp, signUpModerator } from './support';

const screenshots = join(__dirname, '..', 'artifacts', 'screenshots');

const qaPanel = (page: Page): Locator => page.getByTestId('room-qa');
const openList = (page: Page): Locator =>
  qaPanel(page).getByRole('list', { name: 'Questions, most upvoted first' });
const questionItem = (scope: Locator, text: string): Locator =>
  scope.getByTestId('question').filter({ hasText: text });

/** The given questions in the order a list shows them (others left out). */
async function orderOf(list: Locator, texts: readonly string[]): Promise<string[]> {
  const shown = await list.getByTestId('question').allInnerTexts();
  return shown.flatMap((item) => texts.filter((text) => item.includes(text)));
}

async function ask(page: Page, text: string, anonymous = false): Promise<void> {
  const panel = qaPanel(page);
  await panel.getByRole('textbox', { name: 'Your question' }).fill(text);
  const anonymousSwitch = panel.getByRole('switch', { name: 'Ask anonymously' });
  await anonymousSwitch.setChecked(anonymous);
  await panel.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(panel.getByRole('textbox', { name: 'Your question' })).toHaveValue('');
}

/**
 * The Q&A as a participant sees it: on a phone the screen from the Q&A heading down, with the bottom
 * section bar; on a desktop the whole panel.
 */
async function shootQa(page: Page, project: string, language: 'en' | 'ru'): Promise<void> {
  const path = join(screenshots, `qa-${language}-${project}.png`);
  if (project === 'phone') {
    await qaPanel(page)
      .getByRole('heading', { level: 2 })
      .evaluate((heading) => heading.scrollIntoView());
    await page.screenshot({ path, animations: 'disabled' });
  } else {
    await qaPanel(page).screenshot({ path, animations: 'disabled' });
  }
}

test('audience Q&A: ask, upvote live, review, answer; the presenter screen follows the room', async ({
  page: moderator,
  context: moderatorContext,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  mkdirSync(screenshots, { recursive: true });
  const project = testInfo.project.name;
  const run = randomBytes(3).toString('hex');
  const plain = `How will the campus open to city companies? (${run})`;
  const anonymous = `Who pays for the living labs after the grant ends? (${run})`;
  const reviewed = `Can students join the initiative working groups? (${run})`;
  const dismissed = `Off-topic: where is the coffee? (${run})`;

  // The moderator, and a room of their own for each project (the settings persist on the server).
  await signUpModerator(moderator);
  const modToken = await accessToken(moderator);
  const rooms = await api<Array<{ id: string; kind: string; title: string; slug: string }>>(
    moderator.request,
    modToken,
    'GET',
    '/rooms',
  );
  const room = rooms.filter((item) => item.kind === 'cluster')[project === 'phone' ? 1 : 0];
  await api(moderator.request, modToken, 'PATCH', `/rooms/${room.id}/settings`, {
    qaReview: false,
    projector: { kind: 'qa', targetId: null },
  });

  // The presenter screen, in a tab of the moderator's session, on the hall's projector.
  const presenter = await moderatorContext.newPage();
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.goto(`/present/rooms/${room.id}`);
  await expect(presenter.getByTestId('room-presenter')).toHaveAttribute('data-kind', 'qa');
  await expect(
    presenter.getByRole('heading', { level: 1, name: 'Questions from the audience' }),
  ).toBeVisible();
  await expect(presenter.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expect(presenter.getByTestId('room-short-link')).toHaveText(
    new RegExp(`/r/${encodeURIComponent(room.slug)}$`),
  );

  const askerContext = await browser.newContext();
  const voterContext = await browser.newContext();
  try {
    // A participant asks one question with their name and one anonymously.
    const asker = await askerContext.newPage();
    const askerPerson = newParticipant({ group: 'business', organization: 'Sibur' });
    await signUp(asker, askerPerson);
    await asker.goto(`/rooms/${room.id}`);
    await expect(qaPanel(asker).getByRole('heading', { name: 'Q&A' })).toBeVisible();
    await expect(qaPanel(asker).getByText('Moderators still see who asked.')).toBeVisible();
    await ask(asker, plain);
    await expect(qaPanel(asker).getByRole('status')).toHaveText('Your question is posted.');
    await ask(asker, anonymous, true);
    const mineAnonymous = questionItem(openList(asker), anonymous);
    await expect(mineAnonymous).toContainText('Your question');
    await expect(mineAnonymous).toContainText('asked anonymously');

    // Another participant sees both, the anonymous one without a name, and upvotes it.
    const voter = await voterContext.newPage();
    await signUp(voter, newParticipant({ group: 'government' }));
    await voter.goto(`/rooms/${room.id}`);
    if (project === 'phone') {
      // On a phone the bottom bar takes a thumb straight to the Q&A.
      const bar = voter.getByRole('navigation', { name: 'Room sections' });
      await expect(bar).toBeVisible();
      await bar.getByRole('link', { name: 'Q&A' }).click();
      await expect(qaPanel(voter).getByRole('heading', { name: 'Q&A' })).toBeFocused();
      await expect(qaPanel(voter).getByRole('heading', { name: 'Q&A' })).toBeInViewport();
      // And back to the polls (the room's top while it has none).
      await expect(bar.getByRole('link')).toHaveText(['Polls', 'Q&A', 'Statements', 'Threads']);
      await bar.getByRole('link', { name: 'Polls' }).click();
      await expect(
        voter.getByRole('heading', { level: 2, name: 'Polls' }).or(voter.locator('#main-content')),
      ).toBeFocused();
    }
    const theirAnonymous = questionItem(openList(voter), anonymous);
    await expect(theirAnonymous).toContainText('Anonymous');
    await expect(theirAnonymous).not.toContainText(askerPerson.displayName);
    await expect(questionItem(openList(voter), plain)).toContainText(askerPerson.displayName);
    await expect.poll(() => orderOf(openList(voter), [plain, anonymous])).toEqual([plain, anonymous]);

    const upvote = theirAnonymous.getByRole('button', { name: /^Upvote/ });
    await expect(upvote).toHaveAttribute('aria-pressed', 'false');
    await upvote.click();
    await expect(upvote).toHaveAttribute('aria-pressed', 'true');
    await expect(upvote).toHaveAccessibleName('Upvote (1 upvote)');
    await expect(theirAnonymous.getByTestId('upvotes')).toHaveText('1');
    await expect.poll(() => orderOf(openList(voter), [plain, anonymous])).toEqual([anonymous, plain]);

    // The asker's list and the projector reorder live; the asker sees the count, with nothing to press
    // (nobody upvotes their own question).
    await expect(mineAnonymous.getByTestId('upvotes-static')).toHaveText('1 upvote');
    await expect(mineAnonymous.getByRole('button', { name: /^Upvote/ })).toHaveCount(0);
    await expect.poll(() => orderOf(openList(asker), [plain, anonymous])).toEqual([anonymous, plain]);
    const projected = presenter.getByTestId('present-question');
    await expect(projected.first()).toContainText(anonymous);
    await expect(projected.first().getByTestId('present-upvotes')).toContainText('1');
    await expect(projected.first()).toContainText('Anonymous');

    // The moderator turns review on: the asker's form says so at once.
    await api(moderator.request, modToken, 'PATCH', `/rooms/${room.id}/settings`, { qaReview: true });
    await expect(
      qaPanel(asker).getByText('A moderator reviews questions before the room sees them.'),
    ).toBeVisible();
    await ask(asker, reviewed);
    await expect(qaPanel(asker).getByRole('status')).toHaveText(
      'Your question is waiting for moderator review.',
    );
    const waiting = qaPanel(asker).getByRole('list', { name: 'Your questions waiting for review' });
    await expect(questionItem(waiting, reviewed)).toContainText('Waiting for moderator review');

    // The moderator reviews it in the room; until then nobody else can see it.
    await moderator.goto(`/rooms/${room.id}`);
    const queue = qaPanel(moderator).getByTestId('question-review');
    const pendingItem = questionItem(queue, reviewed);
    await expect(pendingItem).toContainText(askerPerson.displayName);
    const voterView = await api<Array<{ text: string }>>(
      voter.request,
      await accessToken(voter),
      'GET',
      `/rooms/${room.id}/questions`,
    );
    expect(voterView.map((item) => item.text)).not.toContain(reviewed);
    await expect(questionItem(qaPanel(voter), reviewed)).toHaveCount(0);
    await expect(presenter.getByTestId('present-question').filter({ hasText: reviewed })).toHaveCount(0);

    await pendingItem.getByRole('button', { name: 'Approve' }).click();
    await expect(questionItem(openList(voter), reviewed)).toBeVisible();
    await expect(questionItem(openList(asker), reviewed)).not.toContainText('Waiting for moderator review');
    await expect(queue.getByText('No questions are waiting for review.')).toBeVisible();

    // A question dismissed with a reason leaves the room; its author still sees it, as not published.
    await api(moderator.request, modToken, 'PATCH', `/rooms/${room.id}/settings`, { qaReview: false });
    await ask(asker, dismissed);
    await expect(questionItem(openList(voter), dismissed)).toBeVisible();
    const toDismiss = questionItem(openList(moderator), dismissed);
    await toDismiss.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect(toDismiss.getByLabel('Reason (optional)')).toBeFocused();
    await toDismiss.getByLabel('Reason (optional)').fill('Not about the cluster');
    await toDismiss.getByRole('button', { name: 'Dismiss the question' }).click();
    await expect(questionItem(qaPanel(voter), dismissed)).toHaveCount(0);
    const askerDismissed = qaPanel(asker).getByTestId('dismissed-questions');
    await askerDismissed.getByText('Not published (1)').click();
    await expect(questionItem(askerDismissed, dismissed)).toContainText('Not published');

    // Marking the top question answered folds it away everywhere and takes it off the projector.
    await questionItem(openList(moderator), anonymous).getByRole('button', { name: 'Mark answered' }).click();
    await expect(questionItem(openList(voter), anonymous)).toHaveCount(0);
    const answered = qaPanel(voter).getByTestId('answered-questions');
    await expect(answered.locator('summary')).toHaveText('Answered (1)');
    await expect(presenter.getByTestId('present-question').filter({ hasText: anonymous })).toHaveCount(0);
    await expect(projected.first()).toContainText(plain);

    // Screenshots of the participant's Q&A and the projector, in English and in Russian.
    await answered.locator('summary').click();
    await shootQa(voter, project, 'en');
    if (project === 'desktop') {
      await presenter.screenshot({ path: join(screenshots, 'presenter-qa-en.png'), animations: 'disabled' });
    }
    await chooseLanguage(voter, 'ru');
    await expect(qaPanel(voter).getByRole('heading', { name: 'Вопросы и ответы' })).toBeVisible();
    await expect(qaPanel(voter).getByRole('switch', { name: 'Спросить анонимно' })).toBeVisible();
    await shootQa(voter, project, 'ru');

    // The projector in Russian (the moderator's language choice is the session's), reloaded.
    await presenter.evaluate(() => localStorage.setItem('helix.lang', 'ru'));
    await presenter.reload();
    await expect(presenter.getByRole('heading', { level: 1, name: 'Вопросы из зала' })).toBeVisible();
    await expect(projected.first()).toContainText(plain);
    if (project === 'desktop') {
      await presenter.screenshot({ path: join(screenshots, 'presenter-qa-ru.png'), animations: 'disabled' });
    }

    // The moderator puts a poll on the projector: the screen switches to it live, QR code and all.
    const poll = await api<{ id: string }>(moderator.request, modToken, 'POST', `/rooms/${room.id}/polls`, {
      question: `Which cluster project should start first? (${run})`,
      options: ['Hydrogen hub', 'Polymer recycling'],
    });
    await api(moderator.request, modToken, 'POST', `/polls/${poll.id}/open`);
    await api(moderator.request, modToken, 'PATCH', `/rooms/${room.id}/settings`, {
      projector: { kind: 'poll', targetId: poll.id },
    });
    await expect(presenter.getByTestId('room-presenter')).toHaveAttribute('data-kind', 'poll');
    await expect(
      presenter.getByRole('heading', {
        level: 1,
        name: `Which cluster project should start first? (${run})`,
      }),
    ).toBeVisible();
    await expect(presenter.getByTestId('projector-option')).toHaveCount(2);
    await expect(presenter.getByRole('img', { name: /QR/ })).toBeVisible();
    await expect(presenter.getByTestId('room-short-link')).toHaveText(
      new RegExp(`/r/${encodeURIComponent(room.slug)}$`),
    );

    // An initiative of another room: that room's events do not come here, so the screen polls it.
    const otherRoom = rooms.filter((item) => item.kind === 'track')[project === 'phone' ? 1 : 0];
    const initiative = await api<{ id: string }>(moderator.request, modToken, 'POST', '/initiatives', {
      title: `A shared hydrogen testing ground (${run})`,
      summary: 'The cluster and the university share one testing ground.',
      roomId: otherRoom.id,
      partners: [{ organization: 'Tomsk Polytechnic University', stakeholderGroup: 'university' }],
    });
    await api(moderator.request, modToken, 'POST', `/initiatives/${initiative.id}/voting/open`, {});
    await api(moderator.request, modToken, 'PATCH', `/rooms/${room.id}/settings`, {
      projector: { kind: 'initiative', targetId: initiative.id },
    });
    await expect(presenter.getByTestId('room-presenter')).toHaveAttribute('data-kind', 'initiative');
    await expect(
      presenter.getByRole('heading', { level: 1, name: `A shared hydrogen testing ground (${run})` }),
    ).toBeVisible();
    const votes = presenter.getByTestId('initiative-present-votes');
    await expect(votes).toHaveAttribute('data-votes', '0');
    await api(voter.request, await accessToken(voter), 'PUT', `/initiatives/${initiative.id}/vote`, {
      position: 'agree',
    });
    await expect(votes).toHaveAttribute('data-votes', '1');
    await expect(presenter.getByTestId('tally-government')).toBeVisible();
    if (project === 'desktop') {
      await presenter.screenshot({
        path: join(screenshots, 'presenter-initiative-ru.png'),
        animations: 'disabled',
      });
    }
    await expect(presenter.getByRole('img', { name: /QR/ })).toBeVisible();
    await presenter.evaluate(() => localStorage.setItem('helix.lang', 'en'));
  } finally {
    await askerContext.close();
    await voterContext.close();
  }
});
