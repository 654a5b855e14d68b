import type { Amendment, Initiative, Invitation, Poll, Room } from '@helix/contract';
import { ADMIN_EMAIL, startTestApp, type TestApp, type TestUser } from './support/test-app';

/*
 * Issue 17: every create takes the client's key. A double click (the same request twice, even at once)
 * makes one poll, one draft initiative, one thread or one question; the repeats answer 200 with it.
 */
describe('creates with a clientId: a doubled POST makes one', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let moderator: TestUser;
  let room: Room;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    ann = await t.register({ displayName: 'Ann' });
    bob = await t.register({ displayName: 'Bob' });
    moderator = await t.moderator();
    [room] = await t.rooms(ann);
  });

  afterAll(() => t?.close());

  /** Sends `body` three times at once as `user`; checks one 201 and two 200s naming the same id. */
  async function sentThrice(user: TestUser, path: string, body: object): Promise<string> {
    const answers = await Promise.all([1, 2, 3].map(() => t.as(user).post(path, body)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
    const ids = new Set(answers.map((answer) => (answer.body as { id: string }).id));
    expect(ids.size).toBe(1);
    return [...ids][0];
  }

  it('drafts one poll however often a moderator sends the same clientId', async () => {
    const path = `/api/rooms/${room.id}/polls`;
    const body = { question: 'Lunch at one?', options: ['Yes', 'No'], clientId: 'poll-once' };
    const id = await sentThrice(moderator, path, body);
    const polls = (await t.as(moderator).get(path).expect(200)).body as Poll[];
    expect(polls.filter((poll) => poll.question === 'Lunch at one?').map((poll) => poll.id)).toEqual([id]);
    // Later, the same key still answers that poll and changes nothing.
    const again = await t
      .as(moderator)
      .post(path, { ...body, question: 'Changed?' })
      .expect(200);
    expect((again.body as Poll).question).toBe('Lunch at one?');
    // Without a key, each request is a poll of its own.
    await t
      .as(moderator)
      .post(path, { question: 'Keyless', options: ['A', 'B'] })
      .expect(201);
    await t
      .as(moderator)
      .post(path, { question: 'Keyless', options: ['A', 'B'] })
      .expect(201);
    const keyless = ((await t.as(moderator).get(path).expect(200)).body as Poll[]).filter(
      (poll) => poll.question === 'Keyless',
    );
    expect(keyless).toHaveLength(2);
  });

  it('makes one draft initiative per proposer and clientId', async () => {
    const body = { title: 'Evening labs', summary: 'Labs open in the evenings.', clientId: 'draft-once' };
    const id = await sentThrice(ann, '/api/initiatives', body);
    const board = (await t.as(ann).get('/api/initiatives').expect(200)).body as Initiative[];
    expect(board.filter((item) => item.title === 'Evening labs').map((item) => item.id)).toEqual([id]);
    // Another person's same key is another initiative.
    const bobs = await t.as(bob).post('/api/initiatives', body).expect(201);
    expect((bobs.body as Initiative).id).not.toBe(id);
  });

  it('makes one amendment per proposer and clientId', async () => {
    const draft = (
      await t.as(ann).post('/api/initiatives', { title: 'Shared labs', summary: 'Labs for all.' }).expect(201)
    ).body as Initiative;
    await t.as(ann).post(`/api/initiatives/${draft.id}/voting/open`, {}).expect(200);
    await t
      .as(bob)
      .put(`/api/initiatives/${draft.id}/vote`, {
        position: 'block',
        reason: 'Who pays?',
        wouldChange: 'Name who pays',
      })
      .expect(200);
    const path = `/api/initiatives/${draft.id}/amendments`;
    const body = {
      summary: 'Labs for all; the region pays.',
      answersObjections: [bob.user.id],
      rationale: 'Says who pays',
      clientId: 'amend-once',
    };
    const id = await sentThrice(bob, path, body);
    expect(((await t.as(ann).get(path).expect(200)).body as Amendment[]).map((item) => item.id)).toEqual([
      id,
    ]);
  });

  it('refuses a malformed clientId and creates nothing', async () => {
    const path = `/api/rooms/${room.id}/polls`;
    await t
      .as(moderator)
      .post(path, { question: 'Bad key', options: ['A', 'B'], clientId: 'not a key!' })
      .expect(400);
    await t.as(ann).post('/api/initiatives', { title: 'Bad key', summary: 'x', clientId: '' }).expect(400);
    const polls = (await t.as(moderator).get(path).expect(200)).body as Poll[];
    expect(polls.some((poll) => poll.question === 'Bad key')).toBe(false);
  });

  it('makes one invitation however often an organizer sends the same clientId', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: ADMIN_EMAIL, password: 'correct horse battery' })
      .expect(200);
    const admin = login.body as TestUser;
    const path = `/api/forums/${room.forumId}/invitations`;
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const body = { role: 'participant', expiresAt, maxUses: 3, clientId: 'invite-once' };
    const id = await sentThrice(admin, path, body);
    const listed = (await t.as(admin).get(path).expect(200)).body as Invitation[];
    expect(listed.map((invitation) => invitation.id)).toEqual([id]);
  });
});
