import type { Poll, Room } from '@helix/contract';
import { Inbox, join } from './support/live';
import { startTestApp, type TestApp, type TestUser } from './support/test-app';

/** Hidden results (after a vote, after close) and the countdown that closes a poll by itself. */
describe('poll results visibility and countdown', () => {
  let t: TestApp;
  let moderator: TestUser;
  let ann: TestUser;
  let bob: TestUser;
  let room: Room;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    moderator = await t.moderator({ displayName: 'Moderator' });
    ann = await t.register({ displayName: 'Ann', stakeholderGroup: 'business' });
    bob = await t.register({ displayName: 'Bob', stakeholderGroup: 'university' });
    [room] = await t.rooms(ann);
  });
  afterAll(() => t.close());

  const openPoll = async (body: object, open: object = {}): Promise<Poll> => {
    const draft = (
      await t
        .as(moderator)
        .post(`/api/rooms/${room.id}/polls`)
        .send({ question: 'Which first?', options: ['Campus', 'Mobility'], ...body })
        .expect(201)
    ).body as Poll;
    return (await t.as(moderator).post(`/api/polls/${draft.id}/open`).send(open).expect(200)).body;
  };
  const vote = async (user: TestUser, poll: Poll, index = 0): Promise<Poll> =>
    (
      await t
        .as(user)
        .post(`/api/polls/${poll.id}/votes`)
        .send({ optionIds: [poll.options[index].id] })
        .expect(200)
    ).body;
  const seenBy = async (user: TestUser, poll: Poll): Promise<Poll> =>
    (await t.as(user).get(`/api/polls/${poll.id}`).expect(200)).body;
  const counts = (poll: Poll) => ({
    votes: poll.options.map((option) => option.votes),
    voters: poll.voters,
    byGroup: poll.byGroup,
    resultsHidden: poll.resultsHidden,
  });
  const hidden = { votes: [0, 0], voters: 0, byGroup: {}, resultsHidden: true };
  const eventsOf = (inbox: Inbox, poll: Poll) =>
    inbox.events
      .filter((event) => event.type !== 'poll.draft' && (event.payload as Poll).id === poll.id)
      .map((event) => event.payload as Poll);

  it('defaults to results always shown, and refuses an unknown visibility without storing anything (400)', async () => {
    const poll = await openPoll({});
    expect(poll).toMatchObject({ resultsVisibility: 'always', resultsHidden: false, closesAt: null });
    const before = (await t.as(moderator).get(`/api/rooms/${room.id}/polls`).expect(200)).body as Poll[];
    await t
      .as(moderator)
      .post(`/api/rooms/${room.id}/polls`)
      .send({ question: 'Q', options: ['a', 'b'], resultsVisibility: 'never' })
      .expect(400);
    expect((await t.as(moderator).get(`/api/rooms/${room.id}/polls`).expect(200)).body).toHaveLength(
      before.length,
    );
  });

  it('shows an "after_vote" poll\'s counts to each person once they voted, never in room events while open', async () => {
    const inbox = new Inbox(await t.connect(ann.accessToken));
    await join(inbox.socket, room.id);
    const poll = await openPoll({ resultsVisibility: 'after_vote' });
    await vote(bob, poll, 1);
    expect(counts(await seenBy(ann, poll))).toEqual(hidden);
    await t.as(ann).get(`/api/polls/${poll.id}/results.csv`).expect(403);
    expect(counts(await seenBy(moderator, poll))).toMatchObject({ votes: [0, 1], resultsHidden: false });

    const mine = await vote(ann, poll, 0);
    expect(counts(mine)).toMatchObject({ votes: [1, 1], voters: 2, resultsHidden: false });
    expect(counts(await seenBy(ann, poll))).toMatchObject({ votes: [1, 1], resultsHidden: false });
    await t.as(ann).get(`/api/polls/${poll.id}/results.csv`).expect(200);
    expect(counts(await seenBy(bob, poll))).toMatchObject({ votes: [1, 1], resultsHidden: false });

    await inbox.waitFor(() => eventsOf(inbox, poll).some((event) => event.status === 'open'));
    await new Promise((done) => setTimeout(done, 1_500));
    const live = eventsOf(inbox, poll);
    expect(live.length).toBeGreaterThan(0);
    for (const event of live) expect(counts(event)).toEqual(hidden);
  });

  it('hides an "after_close" poll\'s counts from voters until it closes, then shows them to everyone', async () => {
    const inbox = new Inbox(await t.connect(bob.accessToken));
    await join(inbox.socket, room.id);
    const poll = await openPoll({ resultsVisibility: 'after_close' });
    expect(counts(await vote(ann, poll, 1))).toEqual(hidden);
    expect(counts(await seenBy(ann, poll))).toEqual(hidden);
    expect(counts(await seenBy(moderator, poll))).toMatchObject({ votes: [0, 1], resultsHidden: false });

    await t.as(moderator).post(`/api/polls/${poll.id}/close`).expect(200);
    expect(counts(await seenBy(ann, poll))).toMatchObject({ votes: [0, 1], voters: 1, resultsHidden: false });
    await inbox.waitFor(() => eventsOf(inbox, poll).some((event) => event.status === 'closed'));
    const closed = eventsOf(inbox, poll).find((event) => event.status === 'closed') as Poll;
    expect(counts(closed)).toMatchObject({ votes: [0, 1], voters: 1, resultsHidden: false });
  });

  it('closes a poll by itself when its countdown runs out, with its final count', async () => {
    const inbox = new Inbox(await t.connect(ann.accessToken));
    await join(inbox.socket, room.id);
    const opened = Date.now();
    const poll = await openPoll({}, { closesInSeconds: 5 });
    expect(Date.parse(poll.closesAt as string) - opened).toBeGreaterThanOrEqual(4_000);
    expect(Date.parse(poll.closesAt as string) - opened).toBeLessThanOrEqual(6_500);
    await vote(ann, poll, 0);

    await inbox.waitFor(() => eventsOf(inbox, poll).some((event) => event.status === 'closed'), 12_000);
    const closed = await seenBy(ann, poll);
    expect(closed).toMatchObject({ status: 'closed', voters: 1 });
    expect(Date.parse(closed.closedAt as string)).toBeGreaterThanOrEqual(Date.parse(poll.closesAt as string));
    await t
      .as(bob)
      .post(`/api/polls/${poll.id}/votes`)
      .send({ optionIds: [poll.options[0].id] })
      .expect(409);
    // A moderator closing it again is told it is closed; the timer's own close of a closed poll did nothing.
    await t.as(moderator).post(`/api/polls/${poll.id}/close`).expect(409);
    expect(eventsOf(inbox, poll).filter((event) => event.status === 'closed')).toHaveLength(1);
  });

  it('refuses a countdown out of range without opening the poll (400)', async () => {
    const draft = (
      await t
        .as(moderator)
        .post(`/api/rooms/${room.id}/polls`)
        .send({ question: 'Soon?', options: ['a', 'b'] })
        .expect(201)
    ).body as Poll;
    for (const closesInSeconds of [1, 90_000, 'soon'])
      await t.as(moderator).post(`/api/polls/${draft.id}/open`).send({ closesInSeconds }).expect(400);
    expect((await seenBy(moderator, draft)).status).toBe('draft');
  });
});
