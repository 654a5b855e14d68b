import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import {
  accessToken,
  actAs,
  api,
  chooseLanguage,
  newParticipant,
  registerViaApi,
  sessionTokens,
  signUp,
  signUpModerator,
} from './support';
import { photograph } from './screenshots';

interface Statement {
  id: string;
  text: string;
}

/** Votes on the card shown until none is left, answering each statement as `answer` says. */
async function voteThrough(
  page: Page,
  answer: (text: string) => 'Agree' | 'Disagree' | 'Pass',
): Promise<number> {
  const card = page.getByTestId('statement-card');
  let votes = 0;
  for (;;) {
    const text = card.getByTestId('statement-text');
    await expect(text.or(card.getByText(/You have voted on all/))).toBeVisible();
    if (!(await text.isVisible())) return votes;
    const shown = await text.innerText();
    await card.getByRole('button', { name: answer(shown), exact: true }).click();
    votes += 1;
    await expect(text.filter({ hasText: shown })).toBeHidden();
  }
}

test('statements: vote one card at a time on a phone, review a new one, and read the bridging results', async ({
  page: participant,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const project = testInfo.project.name;
  const run = randomBytes(3).toString('hex');

  // The participant is the test's own page, at phone size; the moderator works on a desktop of their own.
  const moderatorContext = await browser.newContext();
  const moderator = await moderatorContext.newPage();
  await signUpModerator(moderator);
  const modToken = await accessToken(moderator);
  const rooms = await api<Array<{ id: string; kind: string }>>(moderator.request, modToken, 'GET', '/rooms');
  const room = rooms.filter((item) => item.kind === 'track')[project === 'phone' ? 1 : 0];

  // Eight statements: two camps split on four each; everyone agrees that the labs need a shared booking system.
  const bridge = `The labs need one shared booking system (${run})`;
  const texts = [
    bridge,
    ...['Firms should pay for lab time', 'Patents go to the firm', 'Students work on company briefs'].map(
      (text) => `${text} (${run})`,
    ),
    ...[
      'Lab time is free for NGOs',
      'Data from the labs is open',
      'Citizens sit on the lab board',
      'No paid briefs',
    ].map((text) => `${text} (${run})`),
  ];
  // Three people of business who side with the market, three of civil society with the commons. They submit
  // the statements (a person may create only a few things a minute) and a moderator approves each.
  const camps = [
    'business',
    'business',
    'business',
    'civil_society',
    'civil_society',
    'civil_society',
  ] as const;
  const voters = await Promise.all(
    camps.map((group) => registerViaApi(moderator.request, newParticipant({ group }))),
  );
  const statements: Statement[] = [];
  for (const [index, text] of texts.entries()) {
    const submitted = await api<Statement>(
      moderator.request,
      voters[index % voters.length].accessToken,
      'POST',
      `/rooms/${room.id}/statements`,
      { text, clientId: `e2e-${run}-${index}` },
    );
    statements.push(
      await api<Statement>(moderator.request, modToken, 'PATCH', `/statements/${submitted.id}`, {
        status: 'approved',
      }),
    );
  }
  const market = new Set(statements.slice(1, 4).map((statement) => statement.id));
  const commons = new Set(statements.slice(4).map((statement) => statement.id));
  for (const [index, voter] of voters.entries()) {
    const side = camps[index] === 'business' ? market : commons;
    for (const statement of statements)
      await api(moderator.request, voter.accessToken, 'POST', `/statements/${statement.id}/votes`, {
        vote: statement.id === statements[0].id || side.has(statement.id) ? 'agree' : 'disagree',
      });
  }

  try {
    // A university participant on a phone finds the statements from the room's section bar.
    await signUp(participant, newParticipant({ group: 'university' }));
    await participant.goto(`/rooms/${room.id}`);
    if (project === 'phone')
      await participant
        .getByRole('navigation', { name: 'Room sections' })
        .getByRole('link', { name: 'Statements' })
        .click();
    const section = participant.getByTestId('room-statements');
    await expect(section.getByRole('heading', { name: 'Statements' })).toBeVisible();
    await section.getByRole('link', { name: 'Vote on statements' }).click();
    await expect(participant.getByRole('heading', { level: 1, name: 'Statements' })).toBeVisible();
    await expect(participant.getByTestId('statement-card')).toContainText('8 statements left');
    await photograph(participant, `statements-card-en-${project}`);

    // One card at a time, until none is left: agree with the bridge and the commons.
    const votes = await voteThrough(participant, (text) =>
      text === bridge || texts.slice(4).includes(text) ? 'Agree' : 'Disagree',
    );
    expect(votes).toBe(8);
    await expect(participant.getByTestId('statement-card')).toContainText(
      'You have voted on all 8 statements',
    );

    // A statement of their own waits for the moderator.
    const own = `Open the labs on Saturdays (${run})`;
    await participant.getByRole('textbox', { name: /Your statement/ }).fill(own);
    await participant.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect(participant.getByText('Sent: a moderator will review it')).toBeVisible();

    await moderator.goto(`/rooms/${room.id}/statements`);
    const queue = moderator.getByTestId('statement-review');
    await expect(queue).toContainText(own);
    await queue.getByRole('button', { name: `Approve: ${own}` }).click();
    await expect(queue).toContainText('Nothing waits for review.');

    // It reaches the participant's card without a reload.
    await expect(participant.getByTestId('statement-text')).toHaveText(own, { timeout: 20_000 });
    await participant.getByRole('button', { name: 'Agree', exact: true }).click();

    // The results: the bridge on top, supported by all groups; two opinion groups on the map.
    await participant.goto(`/present/rooms/${room.id}/statements`);
    const results = participant.getByTestId('statement-results');
    const first = results.getByTestId('consensus-statement').first();
    await expect(first).toContainText(bridge);
    await expect(first).toContainText('All groups');
    await expect(results.getByRole('heading', { name: '2 opinion groups' })).toBeVisible({ timeout: 15_000 });
    await expect(
      results.getByRole('img', { name: /Map of 7 participants by their votes, in 2 opinion groups/ }),
    ).toBeVisible();
    // The same on the hall's projector, in the moderator's session.
    const projectorContext = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      deviceScaleFactor: 1,
      isMobile: false,
      hasTouch: false,
    });
    const projector = await projectorContext.newPage();
    await actAs(projector, await sessionTokens(moderator), 'en');
    await projector.goto(`/present/rooms/${room.id}/statements`);
    await expect(projector.getByRole('heading', { name: '2 opinion groups' })).toBeVisible({
      timeout: 15_000,
    });
    await projector.getByTestId('opinion-groups').scrollIntoViewIfNeeded();
    await photograph(projector, 'statements-projector-en-desktop');
    await projectorContext.close();

    // In Russian: chosen in the app, where the feature's strings join the language as it loads, then the results.
    await participant.goto(`/rooms/${room.id}/statements`);
    await chooseLanguage(participant, 'ru');
    await expect(participant.getByRole('heading', { level: 1, name: 'Утверждения' })).toBeVisible();
    await expect(participant.getByRole('button', { name: 'Отправить', exact: true })).toBeVisible();
    await participant.goto(`/present/rooms/${room.id}/statements`);
    await expect(participant.getByRole('heading', { level: 1, name: 'Утверждения: итоги' })).toBeVisible();
    await expect(first).toContainText('Все группы');
    await expect(results.getByRole('heading', { name: '2 группы мнений' })).toBeVisible();
    await photograph(participant, `statements-results-ru-${project}`);
  } finally {
    await moderatorContext.close();
  }
});
