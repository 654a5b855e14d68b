import type { Poll, Room, StakeholderGroup } from '@helix/contract';
import { join } from './support/live';
import { bearer, emitWithAck, startTestApp, type TestApp, type TestUser } from './support/test-app';

/** Word cloud, ranking and rating polls: one voter from each stakeholder group, results counted by hand. */
describe('live formats', () => {
  let t: TestApp;
  let moderator: TestUser;
  let room: Room;
  /** One voter per group, in this order. */
  let voters: TestUser[];
  const groups: StakeholderGroup[] = ['university', 'business', 'government', 'civil_society'];

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    moderator = await t.moderator({ displayName: 'Moderator' });
    voters = await Promise.all(
      groups.map((stakeholderGroup, i) => t.register({ displayName: `Voter ${i}`, stakeholderGroup })),
    );
    [room] = await t.rooms(moderator);
  });
  afterAll(() => t.close());

  const as = (user: TestUser) => ({
    post: (url: string, body?: object) =>
      t
        .http()
        .post(url)
        .set(...bearer(user.accessToken))
        .send(body),
    get: (url: string) =>
      t
        .http()
        .get(url)
        .set(...bearer(user.accessToken)),
  });
  const openPoll = async (body: object): Promise<Poll> => {
    const draft = (await as(moderator).post(`/api/rooms/${room.id}/polls`, body).expect(201)).body as Poll;
    return (await as(moderator).post(`/api/polls/${draft.id}/open`).expect(200)).body as Poll;
  };
  const vote = (user: TestUser, poll: Poll, ballot: object) =>
    as(user).post(`/api/polls/${poll.id}/votes`, ballot);
  const close = async (poll: Poll): Promise<Poll> =>
    (await as(moderator).post(`/api/polls/${poll.id}/close`).expect(200)).body as Poll;

  it('refuses a poll whose options do not fit its kind, and stores nothing', async () => {
    const before = (await as(moderator).get(`/api/rooms/${room.id}/polls`).expect(200)).body as Poll[];
    for (const body of [
      { question: 'Words?', kind: 'word_cloud', options: ['a', 'b'] },
      { question: 'Order?', kind: 'ranking', options: ['only one'] },
      { question: 'Score?', kind: 'rating', options: [] },
      { question: 'Score?', kind: 'rating', options: ['a'], scale: 7 },
      { question: 'Order?', kind: 'ranking', options: ['a', 'b'], multiple: true },
      { question: 'Which?', kind: 'choice', options: ['a', 'b'], scale: 5 },
      { question: 'Which?', kind: 'poster', options: ['a', 'b'] },
    ])
      await as(moderator).post(`/api/rooms/${room.id}/polls`, body).expect(400);
    const after = (await as(moderator).get(`/api/rooms/${room.id}/polls`).expect(200)).body as Poll[];
    expect(after).toHaveLength(before.length);
  });

  it('counts a word cloud: normalised answers, once per person, split by group; a moderator hides a word', async () => {
    const poll = await openPoll({ question: 'One word for the region?', kind: 'word_cloud' });
    expect(poll).toMatchObject({ kind: 'word_cloud', options: [], formatResult: { words: [] } });

    await vote(voters[0], poll, { words: ['Talent', 'housing '] }).expect(200);
    await vote(voters[1], poll, { words: ['talent!', 'TALENT', 'spam'] }).expect(200);
    await vote(voters[2], poll, { words: ['Housing', 'roads'] }).expect(200);
    const last = (await vote(voters[3], poll, { words: ['  talent'] }).expect(200)).body as Poll;
    expect(last.myWords).toEqual(['talent']);

    for (const invalid of [
      { words: [] },
      { words: ['a', 'b', 'c', 'd'] },
      { words: ['x'.repeat(41)] },
      { words: ['!!!'] },
      { optionIds: [] },
      { words: ['ok'], ratings: {} },
    ])
      await vote(voters[0], poll, invalid).expect(400);

    const seen = (await as(voters[0]).get(`/api/polls/${poll.id}`).expect(200)).body as Poll;
    expect(seen.voters).toBe(4);
    expect(seen.myWords).toEqual(['talent', 'housing']);
    expect(seen.formatResult).toEqual({
      kind: 'word_cloud',
      words: [
        { word: 'talent', count: 3 },
        { word: 'housing', count: 2 },
        { word: 'roads', count: 1 },
        { word: 'spam', count: 1 },
      ],
      byGroup: {
        university: { talent: 1, housing: 1 },
        business: { talent: 1, spam: 1 },
        government: { housing: 1, roads: 1 },
        civil_society: { talent: 1 },
      },
      hiddenWords: [],
    });

    await as(voters[0]).post(`/api/polls/${poll.id}/hidden-words`, { word: 'spam' }).expect(403);
    await as(moderator).post(`/api/polls/${poll.id}/hidden-words`, { word: ' SPAM ' }).expect(200);
    const closed = await close(poll);
    // The moderator sees what was hidden; participants see neither the word nor that it was there.
    expect(closed.formatResult).toMatchObject({
      hiddenWords: ['spam'],
      byGroup: { business: { talent: 1 } },
    });
    expect(
      closed.formatResult?.kind === 'word_cloud' && closed.formatResult.words.map((w) => w.word),
    ).toEqual(['talent', 'housing', 'roads']);
    const asVoter = (await as(voters[1]).get(`/api/polls/${poll.id}`).expect(200)).body as Poll;
    expect(asVoter.formatResult).toMatchObject({ hiddenWords: [], byGroup: { business: { talent: 1 } } });
    expect(JSON.stringify(asVoter.formatResult)).not.toContain('spam');
  });

  it('gives a ranking Borda points in total and per group', async () => {
    const poll = await openPoll({
      question: 'Put in order',
      kind: 'ranking',
      options: ['Campus', 'Mobility', 'Jobs'],
    });
    const [campus, mobility, jobs] = poll.options.map((option) => option.id);
    // 3 options: first 2 points, second 1, last 0.
    await vote(voters[0], poll, { optionIds: [campus, mobility, jobs] }).expect(200); // C2 M1 J0
    await vote(voters[1], poll, { optionIds: [mobility, campus, jobs] }).expect(200); // M2 C1 J0
    await vote(voters[2], poll, { optionIds: [mobility, jobs, campus] }).expect(200); // M2 J1 C0
    await vote(voters[3], poll, { optionIds: [jobs, mobility, campus] }).expect(200); // J2 M1 C0

    for (const invalid of [
      { optionIds: [campus, mobility] },
      { optionIds: [campus, campus, jobs] },
      { optionIds: [campus, mobility, 'f'.repeat(24)] },
      { words: ['campus'] },
    ])
      await vote(voters[0], poll, invalid).expect(400);

    const closed = await close(poll);
    expect(closed.voters).toBe(4);
    expect(closed.formatResult).toEqual({
      kind: 'ranking',
      points: { [campus]: 3, [mobility]: 6, [jobs]: 3 },
      byGroup: {
        university: { [campus]: 2, [mobility]: 1, [jobs]: 0 },
        business: { [campus]: 1, [mobility]: 2, [jobs]: 0 },
        government: { [campus]: 0, [mobility]: 2, [jobs]: 1 },
        civil_society: { [campus]: 0, [mobility]: 1, [jobs]: 2 },
      },
    });
    await vote(voters[0], poll, { optionIds: [campus, mobility, jobs] }).expect(409);
  });

  it('gives a rating its mean and distribution on the chosen scale, per group', async () => {
    const poll = await openPoll({
      question: 'How ready?',
      kind: 'rating',
      options: ['Roads', 'Labs'],
      scale: 10,
    });
    const [roads, labs] = poll.options.map((option) => option.id);
    await vote(voters[0], poll, { ratings: { [roads]: 10, [labs]: 1 } }).expect(200);
    await vote(voters[1], poll, { ratings: { [roads]: 7 } }).expect(200);
    await vote(voters[2], poll, { ratings: { [roads]: 4, [labs]: 3 } }).expect(200);
    await vote(voters[3], poll, { ratings: { [roads]: 8, [labs]: 8 } }).expect(200);

    for (const invalid of [
      { ratings: {} },
      { ratings: { [roads]: 0 } },
      { ratings: { [roads]: 11 } },
      { ratings: { [roads]: 2.5 } },
      { ratings: { ['f'.repeat(24)]: 3 } },
      { optionIds: [roads] },
    ])
      await vote(voters[0], poll, invalid).expect(400);

    const closed = await close(poll);
    const scores = (ones: Record<number, number>) =>
      Array.from({ length: 10 }, (_, index) => ones[index + 1] ?? 0);
    expect(closed.formatResult).toEqual({
      kind: 'rating',
      scale: 10,
      ratings: {
        // (10 + 7 + 4 + 8) / 4 = 7.25; (1 + 3 + 8) / 3 = 4.
        [roads]: { count: 4, mean: 7.25, distribution: scores({ 10: 1, 7: 1, 4: 1, 8: 1 }) },
        [labs]: { count: 3, mean: 4, distribution: scores({ 1: 1, 3: 1, 8: 1 }) },
      },
      byGroup: {
        university: {
          [roads]: { count: 1, mean: 10, distribution: scores({ 10: 1 }) },
          [labs]: { count: 1, mean: 1, distribution: scores({ 1: 1 }) },
        },
        business: {
          [roads]: { count: 1, mean: 7, distribution: scores({ 7: 1 }) },
          [labs]: { count: 0, mean: null, distribution: scores({}) },
        },
        government: {
          [roads]: { count: 1, mean: 4, distribution: scores({ 4: 1 }) },
          [labs]: { count: 1, mean: 3, distribution: scores({ 3: 1 }) },
        },
        civil_society: {
          [roads]: { count: 1, mean: 8, distribution: scores({ 8: 1 }) },
          [labs]: { count: 1, mean: 8, distribution: scores({ 8: 1 }) },
        },
      },
    });
  });

  it('refuses a score beyond a 1–5 scale, the default', async () => {
    const poll = await openPoll({ question: 'How was it?', kind: 'rating', options: ['The session'] });
    expect(poll.formatResult).toMatchObject({ kind: 'rating', scale: 5 });
    await vote(voters[0], poll, { ratings: { [poll.options[0].id]: 6 } }).expect(400);
    const voted = (await vote(voters[0], poll, { ratings: { [poll.options[0].id]: 5 } }).expect(200))
      .body as Poll;
    expect(voted.myRatings).toEqual({ [poll.options[0].id]: 5 });
  });

  it('takes a word-cloud answer over the socket and sends the count to the room', async () => {
    const poll = await openPoll({ question: 'A word over the socket?', kind: 'word_cloud' });
    const socket = await t.connect(voters[2].accessToken);
    try {
      await join(socket, room.id);
      const ack = await emitWithAck<{ poll: Poll }>(socket, 'poll:vote', {
        pollId: poll.id,
        words: ['Bridges'],
      });
      expect(ack).toMatchObject({ ok: true, poll: { myWords: ['bridges'] } });
      const refused = await emitWithAck(socket, 'poll:vote', { pollId: poll.id, ratings: { [poll.id]: 1 } });
      expect(refused.ok).toBe(false);
    } finally {
      socket.disconnect();
    }
    const seen = (await as(moderator).get(`/api/polls/${poll.id}`).expect(200)).body as Poll;
    expect(seen.formatResult).toMatchObject({
      words: [{ word: 'bridges', count: 1 }],
      byGroup: { government: { bridges: 1 } },
    });
  });

  it('keeps choice polls as they were', async () => {
    const poll = await openPoll({ question: 'Which?', options: ['A', 'B'] });
    expect(poll).toMatchObject({ kind: 'choice', formatResult: null, myWords: null, myRatings: null });
    const voted = (await vote(voters[0], poll, { optionIds: [poll.options[1].id] }).expect(200)).body as Poll;
    expect(voted).toMatchObject({
      myVote: [poll.options[1].id],
      byGroup: { university: { [poll.options[1].id]: 1 } },
    });
    await vote(voters[0], poll, { words: ['a'] }).expect(400);
  });
});
