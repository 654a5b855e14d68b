import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import {
  actAs,
  api,
  apiUrl,
  chairAccessToken,
  newParticipant,
  registerViaApi,
  type Participant,
} from './support';
import { photograph } from './screenshots';

/*
 * A forum session as the README shows it: people with names and organisations from the forum, one track
 * room with a discussion, a live poll, audience questions and a joint initiative under consensus voting.
 * Every main screen is photographed in English and Russian at the project's size, into the artefacts;
 * with README_SCREENSHOTS=1 (`npm run screenshots`) the README's pictures in docs/screenshots are
 * refreshed from the same run.
 */

const LANGUAGES = ['en', 'ru'] as const;
type Language = (typeof LANGUAGES)[number];

interface Tokens {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
}

interface Scene {
  forumId: string;
  roomId: string;
  threadId: string;
  pollId: string;
  /** A word cloud, a ranking and a rating, answered by everyone. */
  formatPolls: Record<'word-cloud' | 'ranking' | 'rating', string>;
  initiativeId: string;
  people: Record<'anna' | 'igor' | 'elena' | 'maria' | 'dmitry', Tokens>;
  chair: string;
}

const person = (displayName: string, organization: string, group: Participant['group']): Participant =>
  newParticipant({ displayName, organization, group });

/** Each project sets its scene in a track room of its own, so that neither shows the other's. */
async function buildScene(request: APIRequestContext, trackIndex: number): Promise<Scene> {
  const [anna, igor, elena, maria, dmitry] = await Promise.all(
    [
      person('Anna Volkova', 'Tomsk State University', 'university'),
      person('Igor Sokolov', 'SIBUR Tomskneftekhim', 'business'),
      person('Elena Orlova', 'Tomsk Region Administration', 'government'),
      person('Maria Kuznetsova', 'Tomsk Civic Chamber', 'civil_society'),
      person('Dmitry Lebedev', 'Tomsk Polytechnic University', 'university'),
    ].map((who) => registerViaApi(request, who)),
  );
  const chair = await chairAccessToken(request);
  const call = <T>(who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown) =>
    api<T>(request, who, method, path, data);

  const rooms = await call<Array<{ id: string; kind: string; forumId: string }>>(
    anna.accessToken,
    'GET',
    '/rooms',
  );
  const { id: roomId, forumId } = rooms.filter((room) => room.kind === 'track')[trackIndex];
  const tag = randomBytes(3).toString('hex');

  const thread = await call<{ id: string }>(anna.accessToken, 'POST', `/rooms/${roomId}/threads`, {
    title: 'Opening campus labs to city companies',
  });
  const say = (who: Tokens, text: string, replyTo?: string) =>
    call<{ id: string }>(who.accessToken, 'POST', `/rooms/${roomId}/messages`, {
      threadId: thread.id,
      text,
      clientId: `tour-${tag}-${randomBytes(4).toString('hex')}`,
      replyTo,
    });
  const opening = await say(
    anna,
    'Our labs stand empty in the evenings. Could companies of the petrochemical cluster rent them for R&D?',
  );
  await say(
    igor,
    'We would, if contracts take weeks rather than months. Who signs on the university side?',
    opening.id,
  );
  await say(
    elena,
    'The region can co-fund the equipment if the labs stay open to SMEs, not only to large firms.',
  );
  await say(
    maria,
    'Please keep one evening a week for school and student projects: https://example.org/labs',
  );

  const poll = await call<{ id: string; options: Array<{ id: string }> }>(
    chair,
    'POST',
    `/rooms/${roomId}/polls`,
    {
      question: 'Which joint initiative should the forum start with?',
      options: [
        'Open campus labs for companies',
        'A city data platform',
        'Student startups in the industrial park',
      ],
    },
  );
  await call(chair, 'POST', `/polls/${poll.id}/open`);
  const ballots: Array<[Tokens, number]> = [
    [anna, 0],
    [igor, 0],
    [elena, 1],
    [maria, 2],
    [dmitry, 0],
  ];
  for (const [who, option] of ballots) {
    await call(who.accessToken, 'POST', `/polls/${poll.id}/votes`, { optionIds: [poll.options[option].id] });
  }

  const everyone = [anna, igor, elena, maria, dmitry];
  const livePoll = async (body: object, ballots: Array<object | ((optionIds: string[]) => object)>) => {
    const created = await call<{ id: string; options: Array<{ id: string }> }>(
      chair,
      'POST',
      `/rooms/${roomId}/polls`,
      body,
    );
    await call(chair, 'POST', `/polls/${created.id}/open`);
    for (const [index, who] of everyone.entries()) {
      const ballot = ballots[index];
      const resolved =
        typeof ballot === 'function' ? ballot(created.options.map((option) => option.id)) : ballot;
      await call(who.accessToken, 'POST', `/polls/${created.id}/votes`, resolved);
    }
    return created.id;
  };
  const wordCloud = await livePoll(
    { question: 'One word for what the region needs most?', kind: 'word_cloud' },
    [
      { words: ['Talent', 'Housing', 'Labs'] },
      { words: ['talent', 'contracts'] },
      { words: ['Housing', 'talent', 'roads'] },
      { words: ['housing', 'schools'] },
      { words: ['Talent', 'labs'] },
    ],
  );
  const order =
    (...places: number[]) =>
    (ids: string[]) => ({ optionIds: places.map((place) => ids[place]) });
  const ranking = await livePoll(
    {
      question: 'Put the clusters in the order the forum should take them up',
      kind: 'ranking',
      options: ['Campus labs', 'City data', 'Industrial park startups', 'Mobility'],
    },
    [order(0, 1, 2, 3), order(2, 0, 3, 1), order(1, 0, 3, 2), order(0, 3, 1, 2), order(0, 2, 1, 3)],
  );
  const score =
    (...scores: number[]) =>
    (ids: string[]) => ({ ratings: Object.fromEntries(ids.map((id, index) => [id, scores[index]])) });
  const rating = await livePoll(
    {
      question: 'How ready is Tomsk for each of these?',
      kind: 'rating',
      options: ['Shared labs', 'Open city data', 'Student startups'],
    },
    [score(5, 3, 4), score(4, 2, 3), score(4, 4, 2), score(3, 2, 5), score(5, 3, 4)],
  );

  const ask = (who: Tokens, text: string, anonymous = false) =>
    call<{ id: string }>(who.accessToken, 'POST', `/rooms/${roomId}/questions`, {
      text,
      anonymous,
      clientId: `tour-${tag}-${randomBytes(4).toString('hex')}`,
    });
  const funding = await ask(maria, 'Who pays for the labs once the regional grant ends?');
  const students = await ask(dmitry, 'Can students join the companies’ projects as paid interns?', true);
  const answered = await ask(igor, 'Will the labs be open at weekends?');
  for (const [who, question] of [
    [anna, funding],
    [igor, funding],
    [elena, funding],
    [maria, students],
    [anna, students],
  ] as const) {
    await call(who.accessToken, 'PUT', `/questions/${question.id}/upvote`);
  }
  await call(chair, 'PATCH', `/questions/${answered.id}`, { status: 'answered' });

  const initiative = await call<{ id: string }>(anna.accessToken, 'POST', '/initiatives', {
    title: 'Open campus labs for small and medium companies',
    summary:
      'Tomsk State University opens three laboratories to companies of the petrochemical cluster on weekday ' +
      'evenings; the region co-funds equipment; one evening a week is kept for school and student projects.',
    roomId,
    partners: [
      { organization: 'SIBUR Tomskneftekhim', stakeholderGroup: 'business' },
      { organization: 'Tomsk Region Administration', stakeholderGroup: 'government' },
    ],
  });
  await call(chair, 'POST', `/initiatives/${initiative.id}/voting/open`, {});
  const positions: Array<[Tokens, string, string?]> = [
    [anna, 'agree'],
    [dmitry, 'agree'],
    [igor, 'agree'],
    [elena, 'agree'],
    [maria, 'disagree', 'One evening a week for students is too little; ask for two.'],
  ];
  for (const [who, position, reason] of positions) {
    await call(who.accessToken, 'PUT', `/initiatives/${initiative.id}/vote`, {
      position,
      reason,
      wouldChange: reason ? 'The agreement should say two evenings a week.' : undefined,
    });
  }

  return {
    forumId,
    roomId,
    threadId: thread.id,
    pollId: poll.id,
    formatPolls: { 'word-cloud': wordCloud, ranking, rating },
    initiativeId: initiative.id,
    people: { anna, igor, elena, maria, dmitry },
    chair,
  };
}

function shoot(page: Page, screen: string, language: Language, project: string): Promise<void> {
  return photograph(page, `${screen}-${language}-${project}`);
}

/** The room's name as the server words it for a reader of `language`. */
async function roomTitle(request: APIRequestContext, token: string, roomId: string, language: Language) {
  const response = await request.get(apiUrl('/rooms'), {
    headers: { Authorization: `Bearer ${token}`, 'Accept-Language': language },
  });
  const rooms = (await response.json()) as Array<{ id: string; title: string }>;
  return rooms.find((room) => room.id === roomId)?.title ?? '';
}

async function openAs(
  browser: Browser,
  tokens: Tokens,
  language: Language,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const { baseURL, userAgent, deviceScaleFactor, isMobile, hasTouch, ...project } = test.info().project.use;
  const context = await browser.newContext(
    viewport
      ? { baseURL, viewport }
      : { baseURL, userAgent, deviceScaleFactor, isMobile, hasTouch, viewport: project.viewport },
  );
  const page = await context.newPage();
  await actAs(page, tokens, language);
  return page;
}

test('a forum session, screen by screen, in English and Russian', async ({ browser, request }, testInfo) => {
  test.setTimeout(180_000);
  const project = testInfo.project.name;
  const scene = await buildScene(request, project === 'desktop' ? 0 : 1);
  const chairTokens: Tokens = { accessToken: scene.chair, refreshToken: '', user: { id: '' } };

  for (const language of LANGUAGES) {
    const igor = await openAs(browser, scene.people.igor, language);
    await igor.goto(`/rooms/${scene.roomId}/threads/${scene.threadId}`);
    await expect(igor.getByText('Our labs stand empty', { exact: false }).first()).toBeVisible();
    await shoot(igor, 'thread', language, project);

    // The room's name in the reader's language, though this browser's own language is English.
    const title = await roomTitle(request, scene.chair, scene.roomId, language);
    expect(title).toMatch(language === 'ru' ? /[а-я]/ : /^[^а-я]+$/);
    const maria = await openAs(browser, scene.people.maria, language);
    await maria.goto(`/rooms/${scene.roomId}`);
    await expect(maria.getByRole('heading', { level: 1 })).toHaveText(title);
    const qa = maria.getByTestId('room-qa');
    await expect(qa.getByText('Who pays for the labs', { exact: false })).toBeVisible();
    await qa
      .getByRole('heading', { level: 2 })
      .first()
      .evaluate((heading) => heading.scrollIntoView());
    await shoot(maria, 'qa', language, project);

    const elena = await openAs(browser, scene.people.elena, language);
    await elena.goto(`/initiatives/${scene.initiativeId}`);
    await expect(elena.getByTestId('consensus-verdict')).toBeVisible();
    await shoot(elena, 'initiative', language, project);

    const chair = await openAs(browser, chairTokens, language);
    await chair.goto(`/rooms/${scene.roomId}/moderate`);
    await expect(chair.getByTestId('moderator-console')).toBeVisible();
    await expect(chair.getByTestId('console-poll-results').first()).toBeVisible();
    await shoot(chair, 'console', language, project);

    // One stem, every kind: «lab» finds the labs' thread, its messages, the questions and the initiative.
    const anna = await openAs(browser, scene.people.anna, language);
    await anna.goto(`/search?forum=${scene.forumId}&q=lab`);
    await expect(anna.getByTestId('search-hit').first()).toBeVisible();
    await shoot(anna, 'search', language, project);

    for (const context of [igor, maria, elena, chair, anna].map((page) => page.context()))
      await context.close();
  }

  // The hall's projector is a desktop screen: photographed once, by the desktop project. A phone reads the
  // poll's outcome instead, where the room goes on to discuss it.
  if (project !== 'desktop') {
    await shootPollResult(browser, request, scene, project);
    return;
  }
  const setProjector = (kind: string, targetId?: string) =>
    api(request, scene.chair, 'PATCH', `/rooms/${scene.roomId}/settings`, { projector: { kind, targetId } });
  for (const language of LANGUAGES) {
    const projector = await openAs(browser, chairTokens, language, { width: 1920, height: 1080 });
    await setProjector('poll', scene.pollId);
    await projector.goto(`/present/rooms/${scene.roomId}`);
    await expect(projector.getByText('Open campus labs for companies').first()).toBeVisible();
    await expect(projector.locator('.hx-room-present__room')).toHaveText(
      await roomTitle(request, scene.chair, scene.roomId, language),
    );
    await shoot(projector, 'presenter-poll', language, project);
    for (const [format, pollId] of Object.entries(scene.formatPolls)) {
      await setProjector('poll', pollId);
      await expect(projector.getByTestId('poll-present')).toHaveAttribute(
        'data-kind',
        /word_cloud|ranking|rating/,
      );
      await expect(projector.getByTestId('format-split')).toBeVisible();
      await shoot(projector, `presenter-${format}`, language, project);
    }
    await setProjector('qa');
    await expect(projector.getByText('Who pays for the labs', { exact: false })).toBeVisible();
    await shoot(projector, 'presenter-qa', language, project);
    await projector.context().close();
  }
});

/** The moderator closes the room's poll; Helix posts its result as a thread, read here in both languages. */
async function shootPollResult(browser: Browser, request: APIRequestContext, scene: Scene, project: string) {
  await api(request, scene.chair, 'POST', `/polls/${scene.pollId}/close`);
  let resultThreadId: string | null = null;
  await expect
    .poll(async () => {
      ({ resultThreadId } = await api<{ resultThreadId: string | null }>(
        request,
        scene.chair,
        'GET',
        `/polls/${scene.pollId}`,
      ));
      return resultThreadId;
    })
    .toBeTruthy();
  for (const language of LANGUAGES) {
    const dmitry = await openAs(browser, scene.people.dmitry, language);
    await dmitry.goto(`/rooms/${scene.roomId}/threads/${resultThreadId}`);
    await expect(dmitry.getByTestId('poll-result-winner')).toContainText('Open campus labs for companies');
    // The thread opens at its newest message; the picture starts at the result's heading.
    await dmitry.getByTestId('poll-result-card').evaluate((card) => card.scrollIntoView({ block: 'start' }));
    await shoot(dmitry, 'poll-result', language, project);
    await dmitry.context().close();
  }
}
