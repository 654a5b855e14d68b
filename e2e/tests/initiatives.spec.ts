import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { newParticipant, openMessageMenu, signUp, signUpModerator, type Participant } from './support';

/**
 * Browsers the test opened. They are closed after it: left open, their people stay present in the
 * initiative's room and later specs count them there.
 */
const opened: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((context) => context.close()));
});

async function newBrowser(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  opened.push(context);
  return context;
}

/** A participant in a browser of their own, as at the forum: everyone on their own device. */
async function personInOwnBrowser(browser: Browser, who: Participant): Promise<Page> {
  const context = await newBrowser(browser);
  const page = await context.newPage();
  await signUp(page, who);
  return page;
}

const verdict = (page: Page) => page.getByTestId('consensus-verdict');

test('stakeholders reach consensus on a joint initiative proposed from the discussion', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const stamp = Date.now();

  // A university participant proposes an initiative from their own message in a thread.
  const proposer = newParticipant({ displayName: `Anna ${stamp}`, organization: 'Tomsk State University' });
  await signUp(page, proposer);
  await page.getByRole('link', { name: 'University in an urban ecosystem' }).click();
  const thread = `Urban data lab ${stamp}`;
  await page.getByLabel('New thread title').fill(thread);
  await page.getByRole('button', { name: 'Start thread' }).click();
  await expect(page.getByRole('heading', { level: 1, name: thread })).toBeVisible();
  await page
    .getByLabel('Message')
    .fill('Open a joint urban data lab. Universities bring analysts, business brings sensors.');
  await page.getByRole('button', { name: 'Send' }).click();
  const message = page.getByTestId('message').filter({ hasText: 'joint urban data lab' });
  await (await openMessageMenu(message)).getByRole('menuitem', { name: 'Propose as initiative' }).click();

  await expect(page.getByRole('heading', { name: 'Propose an initiative' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Open a joint urban data lab.');
  await expect(page.getByLabel('Summary')).toHaveValue(/Universities bring analysts/);
  await expect(page.getByLabel('Room (optional)')).not.toHaveValue('');
  await expect(page.getByTestId('fixed-partner')).toContainText('Tomsk State University');
  const partner = page.getByRole('group', { name: 'Partner 2', exact: true });
  await partner.getByLabel('Organization').fill('Sibur Digital');
  await partner.getByLabel('Stakeholder group').selectOption('business');
  await page.getByRole('button', { name: 'Create the draft' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Open a joint urban data lab.' })).toBeVisible();
  await expect(page.getByTestId('initiative')).toHaveAttribute('data-status', 'draft');
  // Sibur Digital is invited, not a partner yet: nobody from it has accepted.
  const sibur = page.getByTestId('partner').filter({ hasText: 'Sibur Digital' });
  await expect(sibur).toHaveAttribute('data-status', 'invited');
  await expect(sibur).toContainText('invited, not confirmed yet');
  await expect(page.getByTestId('proposer-only')).toBeVisible();
  await expect(page.getByTestId('source-link').getByRole('link')).toHaveAttribute('href', /\/threads\//);
  const url = page.url();

  // A moderator wants a rule for this session, 3 votes from 3 stakeholder groups: looser than the forum's
  // minimum of 6 votes, so the form refuses it until the minimum is lowered on the board.
  const moderatorPage = await (await newBrowser(browser)).newPage();
  await signUpModerator(moderatorPage, newParticipant({ displayName: `Moderator ${stamp}` }));
  await moderatorPage.goto(url);
  await expect(moderatorPage.getByTestId('forum-minimum')).toContainText('at least 6 votes');
  await moderatorPage.getByLabel('Votes needed').fill('3');
  await moderatorPage.getByLabel('Stakeholder groups needed (1–4)').fill('3');
  await moderatorPage.getByRole('button', { name: 'Open voting' }).click();
  await expect(moderatorPage.getByText('The forum minimum is 6 votes.')).toBeVisible();
  await expect(moderatorPage.getByTestId('initiative')).toHaveAttribute('data-status', 'draft');

  const setMinimumVotes = async (votes: string) => {
    await moderatorPage.goto('/initiatives');
    const minimum = moderatorPage.getByTestId('forum-minimum-section');
    await minimum.getByLabel('Votes needed').fill(votes);
    await minimum.getByRole('button', { name: 'Save the minimum' }).click();
    await expect(minimum.getByTestId('forum-minimum-saved')).toHaveText('Saved.');
    await expect(minimum.getByTestId('forum-minimum-text')).toContainText(`at least ${votes} votes`);
  };
  await setMinimumVotes('3');
  await moderatorPage.goto(url);
  await moderatorPage.getByLabel('Votes needed').fill('3');
  await moderatorPage.getByLabel('Stakeholder groups needed (1–4)').fill('3');
  await moderatorPage.getByRole('button', { name: 'Open voting' }).click();
  await expect(moderatorPage.getByTestId('initiative')).toHaveAttribute('data-status', 'voting');
  await expect(moderatorPage.getByTestId('rule-text')).toContainText('at least 3 votes from at least 3');
  // Later specs open voting with the forum's default minimum.
  await setMinimumVotes('6');
  await moderatorPage.goto(url);

  // The proposer's page follows live, and they agree.
  await expect(page.getByTestId('initiative')).toHaveAttribute('data-status', 'voting');
  await page.getByRole('button', { name: 'Agree', exact: true }).click();
  await expect(page.getByTestId('my-vote')).toHaveText('Your vote: Agree.');
  await expect(page.getByTestId('my-vote')).toBeFocused();

  const business = await personInOwnBrowser(
    browser,
    newParticipant({ displayName: `Boris ${stamp}`, organization: 'Sibur Digital', group: 'business' }),
  );
  await business.goto(url);
  // Boris is of Sibur Digital, so he answers its invitation; the proposer's page shows who confirmed.
  await business.getByRole('button', { name: 'Accept on behalf of Sibur Digital' }).click();
  await expect(business.getByTestId('invitation-status')).toContainText('Sibur Digital has confirmed');
  await expect(sibur).toHaveAttribute('data-status', 'confirmed');
  await expect(sibur).toContainText(`confirmed by Boris ${stamp}`);
  await expect(page.getByTestId('proposer-only')).toHaveCount(0);
  await business.getByRole('button', { name: 'Agree', exact: true }).click();
  await expect(business.getByTestId('my-vote')).toHaveText('Your vote: Agree.');

  // Government blocks, and has to say why.
  const officialName = `Galina ${stamp}`;
  const government = await personInOwnBrowser(
    browser,
    newParticipant({
      displayName: officialName,
      organization: 'Tomsk City Administration',
      group: 'government',
    }),
  );
  await government.goto(url);
  await government.getByRole('button', { name: 'Block', exact: true }).click();
  await expect(government.getByRole('button', { name: 'Block', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const reason = government.getByLabel('Why do you block? (required)');
  await expect(reason).toBeFocused();
  await government.getByRole('button', { name: 'Submit: block' }).click();
  await expect(government.getByText('Please give a reason.')).toBeVisible();
  await reason.fill('City data cannot leave municipal servers without a data protection agreement.');
  await government.getByRole('button', { name: 'Submit: block' }).click();
  // A block also says what would have to change.
  const wouldChange = government.getByLabel('What would have to change for you to consent? (required)');
  await expect(wouldChange).toBeFocused();
  await expect(government.getByText('Please say what would have to change.')).toBeVisible();
  await wouldChange.fill('Sign a data protection agreement with the city first.');
  await government.getByRole('button', { name: 'Submit: block' }).click();
  await expect(government.getByTestId('my-vote')).toContainText('Your vote: Block.');

  // The proposer sees, without reloading, that consensus is not reached, why, and who objects.
  await expect(verdict(page)).toHaveAttribute('data-reached', 'false');
  await expect(verdict(page)).toHaveText(/Consensus not reached yet/);
  const blocks = page.getByTestId('condition-blocks');
  await expect(blocks).toHaveAttribute('data-met', 'false');
  await expect(blocks).toContainText('Blocked: 1 block (Government); at most 0 allowed.');
  await expect(page.getByTestId('condition-quorum')).toHaveAttribute('data-met', 'true');
  await expect(page.getByTestId('condition-groups')).toHaveAttribute('data-met', 'true');
  const objection = page.getByTestId('objection');
  await expect(objection).toHaveCount(1);
  await expect(objection).toContainText(officialName);
  await expect(objection).toContainText('Tomsk City Administration');
  await expect(objection).toContainText('Government');
  await expect(objection).toContainText('without a data protection agreement');
  await expect(page.getByTestId('tally-government')).toContainText('Block 1');

  // Government changes its block to agree; the proposer's page turns to consensus, live.
  await government.getByRole('button', { name: 'Agree', exact: true }).click();
  await expect(government.getByTestId('my-vote')).toHaveText('Your vote: Agree.');

  await expect(verdict(page)).toHaveAttribute('data-reached', 'true');
  await expect(verdict(page)).toHaveText(/Consensus reached/);
  for (const kind of ['quorum', 'groups', 'threshold', 'blocks'])
    await expect(page.getByTestId(`condition-${kind}`)).toHaveAttribute('data-met', 'true');
  await expect(page.getByTestId('objection')).toHaveCount(0);
  await expect(page.getByTestId('tally-government')).toContainText('Agree 1');
  // The proposer's own vote survived the live updates, which carry nobody's vote.
  await expect(page.getByTestId('my-vote')).toHaveText('Your vote: Agree.');

  await page.screenshot({
    path: `e2e/artifacts/screenshots/initiative-${testInfo.project.name}.png`,
    fullPage: true,
  });

  // The moderator closes voting: adopted, on the board and in the forum's outcome (CSV and printout).
  moderatorPage.once('dialog', (dialog) => void dialog.accept());
  await moderatorPage.getByRole('button', { name: 'Close voting now' }).click();
  await expect(page.getByTestId('initiative')).toHaveAttribute('data-status', 'adopted');
  await expect(verdict(page)).toHaveText(/Adopted: consensus was reached/);

  await page.getByRole('link', { name: 'Initiatives', exact: true }).click();
  await page.getByLabel('Status').selectOption('adopted');
  await expect(page).toHaveURL(/status=adopted/);
  const card = page.getByTestId('initiative-card').filter({ hasText: 'Open a joint urban data lab.' });
  await expect(card).toContainText('Adopted');
  await expect(card).toContainText('Sibur Digital');

  await page.getByRole('link', { name: 'Outcome', exact: true }).click();
  const outcome = page.getByTestId('outcome-card').filter({ hasText: 'Open a joint urban data lab.' });
  await expect(outcome).toContainText('Tomsk State University');
  await expect(outcome.getByTestId('tally-government')).toContainText('Agree 1');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(outcome).toBeVisible();
});

test('a proposer withdraws a draft made by mistake, and it is gone for everyone', async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const title = `Duplicate bike lanes ${stamp}`;
  await signUp(page, newParticipant({ displayName: `Vera ${stamp}` }));
  await page.goto('/initiatives/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Summary').fill('Painted bike lanes from the campus to the centre.');
  // In a room, so that those who have it open hear of the withdrawal live.
  await page.getByLabel('Room (optional)').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page.getByTestId('initiative')).toHaveAttribute('data-status', 'draft');
  const url = page.url();

  // Another participant has the draft open, and may not withdraw it.
  const other = await personInOwnBrowser(browser, newParticipant({ displayName: `Pavel ${stamp}` }));
  await other.goto(url);
  await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Withdraw draft' })).toHaveCount(0);

  // The proposer is asked first; cancelling changes nothing.
  const withdraw = page.getByRole('button', { name: 'Withdraw draft' });
  await withdraw.click();
  const dialog = page.getByRole('dialog', { name: `Withdraw the draft “${title}”?` });
  await expect(dialog).toContainText('It leaves the board for everyone');
  await expectNoSeriousViolations(page, 'withdraw-draft dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('initiative')).toHaveAttribute('data-status', 'draft');

  await withdraw.click();
  await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();
  // Back on the board, without it.
  await expect(page).toHaveURL(/\/initiatives$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Joint initiatives' })).toBeVisible();
  // The board has loaded (it counts what it lists) before it is found not to list the draft.
  await expect(page.getByText(/^\d+ initiatives?$/)).toBeVisible();
  await expect(page.getByTestId('initiative-card').filter({ hasText: title })).toHaveCount(0);

  // The other participant's open page says so at once, and their board no longer lists it.
  await expect(other.getByTestId('initiative')).toHaveAttribute('data-status', 'withdrawn');
  await expect(other.getByTestId('withdrawn-note')).toContainText('This draft was withdrawn');
  await expect(other.getByText(`Vera ${stamp}`)).toBeVisible();
  await other.getByRole('link', { name: '← All initiatives' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Joint initiatives' })).toBeVisible();
  await expect(other.getByText(/^\d+ initiatives?$/)).toBeVisible();
  await expect(other.getByTestId('initiative-card').filter({ hasText: title })).toHaveCount(0);
});
