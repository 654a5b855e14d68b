import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { actAs, api, chairAccessToken, newParticipant, registerViaApi } from './support';
import { photograph } from './screenshots';

/*
 * Issue 18: a block says what would have to change; someone proposes an amendment answering it; the proposer
 * accepts it; the blocker, told their vote was carried over to version 2, consents; the initiative's history
 * says which amendment cleared which block. With README_SCREENSHOTS=1 the pictures the README shows are refreshed.
 */

type Tokens = Awaited<ReturnType<typeof registerViaApi>>;

async function openAs(browser: Browser, tokens: Tokens, language: 'en' | 'ru', path: string): Promise<Page> {
  const { baseURL, userAgent, deviceScaleFactor, isMobile, hasTouch, viewport } = test.info().project.use;
  const context = await browser.newContext({
    baseURL,
    userAgent,
    deviceScaleFactor,
    isMobile,
    hasTouch,
    viewport,
  });
  const page = await context.newPage();
  await actAs(page, tokens, language);
  await page.goto(path);
  return page;
}

function shoot(part: Locator, name: string): Promise<void> {
  return photograph(part, `${name}-${test.info().project.name}`);
}

test('an amendment answers a block, is accepted, and the blocker consents on version 2', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const anna = await registerViaApi(
    request,
    newParticipant({ displayName: 'Anna Smirnova', organization: 'Tomsk State University' }),
  );
  const oleg = await registerViaApi(
    request,
    newParticipant({ displayName: 'Oleg Petrov', organization: 'Gazprom Neft', group: 'business' }),
  );
  const marina = await registerViaApi(
    request,
    newParticipant({
      displayName: 'Marina Volkova',
      organization: 'Tomsk Region Administration',
      group: 'government',
    }),
  );
  const initiative = await api<{ id: string }>(request, anna.accessToken, 'POST', '/initiatives', {
    title: `Evening labs ${stamp}`,
    summary: 'The university opens its labs on weekday evenings for city problems.',
    partners: [{ organization: 'Gazprom Neft', stakeholderGroup: 'business' }],
  });
  await api(request, anna.accessToken, 'POST', `/initiatives/${initiative.id}/voting/open`, {});
  await api(request, anna.accessToken, 'PUT', `/initiatives/${initiative.id}/vote`, { position: 'agree' });
  await api(request, oleg.accessToken, 'PUT', `/initiatives/${initiative.id}/vote`, {
    position: 'block',
    reason: 'Nobody pays for the equipment.',
    wouldChange: 'Say who funds the equipment.',
  });
  const path = `/initiatives/${initiative.id}`;

  // Marina proposes an amendment answering Oleg's block.
  const proposing = await openAs(browser, marina, 'en', path);
  const objection = proposing.getByTestId('objection');
  await expect(objection).toContainText('What would have to change: Say who funds the equipment.');
  await proposing.getByText('Propose an amendment').click();
  await proposing.getByRole('button', { name: 'Propose the amendment' }).click();
  await expect(proposing.getByRole('alert')).toHaveText('Change the title or the summary.');
  await proposing
    .getByLabel('Summary')
    .fill(
      'The university opens its labs on weekday evenings for city problems; the region funds the equipment.',
    );
  await proposing.getByRole('checkbox', { name: /Oleg Petrov/ }).check();
  await proposing.getByLabel('Why this change? (required)').fill('The region agreed to fund the equipment.');
  await proposing.getByRole('button', { name: 'Propose the amendment' }).click();
  const proposed = proposing.getByTestId('amendment');
  await expect(proposed).toHaveAttribute('data-status', 'proposed');
  await expect(proposed.locator('ins')).toContainText('the region funds the equipment');
  // Only the proposer answers it.
  await expect(proposing.getByRole('button', { name: 'Accept amendment 1' })).toHaveCount(0);

  // Anna accepts it, with a reason.
  const accepting = await openAs(browser, anna, 'en', path);
  await accepting.getByRole('button', { name: 'Accept amendment 1' }).click();
  await expect(accepting.getByText('Please give a reason.')).toBeVisible();
  await accepting.getByLabel('Your reason (required)').fill('The region confirmed the budget line.');
  await accepting.getByRole('button', { name: 'Accept amendment 1' }).click();
  await expect(accepting.getByTestId('amendment')).toHaveAttribute('data-status', 'accepted');
  await expect(accepting.getByTestId('amendment')).toContainText('Accepted: version 2');
  await expect(accepting.getByTestId('vote-carried-over')).toContainText('version 2');

  // Oleg is told his vote was carried over, and consents: the block is cleared in the history.
  const blocker = await openAs(browser, oleg, 'en', path);
  await expect(blocker.getByTestId('vote-carried-over')).toBeVisible();
  await expect(blocker.locator('.hx-initiative__summary')).toContainText('the region funds the equipment');
  await blocker.getByRole('button', { name: 'Agree', exact: true }).click();
  await expect(blocker.getByTestId('my-vote')).toContainText('Your vote: Agree.');
  await expect(blocker.getByTestId('vote-carried-over')).toHaveCount(0);
  await expect(blocker.getByTestId('amendment-cleared')).toContainText(
    'Amendment 1 cleared the block of Oleg Petrov (Business): now Agree.',
  );
  // The initiative's history: its amendments, the diff and the block each cleared.
  await shoot(blocker.getByTestId('amendments'), 'initiative-amendment-en');

  const russian = await openAs(browser, oleg, 'ru', path);
  await expect(russian.getByTestId('amendment-cleared')).toContainText(
    'Поправка 1 сняла блокировку участника Oleg Petrov',
  );
  await shoot(russian.getByTestId('amendments'), 'initiative-amendment-ru');
});

test('a pledge past its due date is flagged overdue until its partner reports it done', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const chair = await chairAccessToken(request);
  const anna = await registerViaApi(
    request,
    newParticipant({ displayName: 'Anna Smirnova', organization: 'Tomsk State University' }),
  );
  const title = `Printers for the lab ${Date.now()}`;
  const initiative = await api<{ id: string }>(request, anna.accessToken, 'POST', '/initiatives', {
    title,
    summary: 'The university buys two 3D printers for the city lab.',
  });
  // One vote adopts it: the minimum lowered for this initiative only.
  const rule = await api<{ minimum: object }>(request, chair, 'GET', '/consensus-rule');
  await api(request, chair, 'PATCH', '/consensus-rule', { quorum: 1, minGroups: 1 });
  try {
    await api(request, anna.accessToken, 'POST', `/initiatives/${initiative.id}/voting/open`, {});
  } finally {
    await api(request, chair, 'PATCH', '/consensus-rule', rule.minimum);
  }
  await api(request, anna.accessToken, 'PUT', `/initiatives/${initiative.id}/vote`, { position: 'agree' });
  await api(request, chair, 'POST', `/initiatives/${initiative.id}/voting/close`);
  await api(request, anna.accessToken, 'POST', `/initiatives/${initiative.id}/pledges`, {
    kind: 'equipment',
    description: 'Two 3D printers',
    owner: 'Anna Smirnova',
    dueDate: new Date(Date.now() - 86_400_000).toISOString(),
  });

  const page = await openAs(browser, anna, 'en', `/initiatives/${initiative.id}`);
  const pledge = page.getByTestId('pledge');
  await expect(pledge).toHaveAttribute('data-overdue', 'true');
  await expect(pledge.getByTestId('pledge-overdue')).toHaveText('⚠ Overdue');
  await pledge.getByLabel('Progress, %').fill('100');
  await pledge.getByLabel('What was done').fill('Both printers installed');
  await pledge.getByRole('button', { name: 'Report progress' }).click();
  await expect(pledge).toHaveAttribute('data-overdue', 'false');
  await expect(pledge).toContainText('100 % done');
  await expect(pledge).toContainText('done');

  // The outcome page shows the pledge and its progress, in both languages.
  for (const language of ['en', 'ru'] as const) {
    const outcome = await openAs(browser, anna, language, '/outcome');
    const card = outcome.getByTestId('outcome-card').filter({ hasText: title });
    await expect(card.getByTestId('outcome-pledges')).toContainText(
      language === 'en' ? '100 % done' : 'Выполнено на 100 %',
    );
    await shoot(card, `outcome-pledges-${language}`);
  }
});
