import type {
  AuthResponse,
  GroupChange,
  Initiative,
  Message,
  OwnGroupChanges,
  PersonalDataExport,
  Poll,
  Question,
  Room,
  Thread,
} from '@helix/contract';
import { randomUUID } from 'node:crypto';
import { ADMIN_EMAIL, startTestApp, type TestApp, type TestUser } from './support/test-app';

describe('changing group and leaving with one’s data', () => {
  let t: TestApp;
  let moderator: TestUser;
  let admin: TestUser;
  let room: Room;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    // t.moderator registers the admin (ADMIN_EMAIL, the default password) to grant the role.
    moderator = await t.moderator({ displayName: 'Mona Moderator' });
    const signedIn = await t
      .http()
      .post('/api/auth/login')
      .send({ email: ADMIN_EMAIL, password: moderator.password })
      .expect(200);
    admin = { ...(signedIn.body as AuthResponse), password: moderator.password };
    [room] = await t.rooms(moderator);
  });
  afterAll(() => t.close());

  const openPoll = async (): Promise<Poll> => {
    const poll = (
      await t
        .as(moderator)
        .post(`/api/rooms/${room.id}/polls`, { question: 'Which first?', options: ['Campus', 'Mobility'] })
        .expect(201)
    ).body as Poll;
    await t.as(moderator).post(`/api/polls/${poll.id}/open`).expect(200);
    return poll;
  };
  const thread = async (user: TestUser, title: string): Promise<Thread> =>
    (await t.as(user).post(`/api/rooms/${room.id}/threads`, { title }).expect(201)).body as Thread;
  const say = async (user: TestUser, threadId: string, text: string): Promise<Message> =>
    (
      await t
        .as(user)
        .post(`/api/rooms/${room.id}/messages`, { threadId, text, clientId: randomUUID() })
        .expect(201)
    ).body as Message;

  it('moves a person to another group only when an organizer approves; votes already cast keep theirs', async () => {
    const ann = await t.register({ displayName: 'Ann', stakeholderGroup: 'university' });
    const first = await openPoll();
    await t
      .as(ann)
      .post(`/api/polls/${first.id}/votes`, { optionIds: [first.options[0].id] })
      .expect(200);

    // Bad input changes nothing; the same group is no change at all.
    await t.as(ann).post('/api/auth/me/group-change', { group: 'aliens' }).expect(400);
    await t.as(ann).post('/api/auth/me/group-change', { group: 'university' }).expect(409);

    const asked = (
      await t.as(ann).post('/api/auth/me/group-change', { group: 'government', clientId: 'g1' }).expect(201)
    ).body as GroupChange;
    // A re-sent request is the same request; a new one replaces the waiting one.
    const again = await t.as(ann).post('/api/auth/me/group-change', { group: 'government', clientId: 'g1' });
    expect((again.body as GroupChange).id).toBe(asked.id);
    const replacing = (
      await t
        .as(ann)
        .post('/api/auth/me/group-change', { group: 'business', reason: 'I moved to a bank' })
        .expect(201)
    ).body as GroupChange;
    const own = (await t.as(ann).get('/api/auth/me/group-change').expect(200)).body as OwnGroupChanges;
    expect(own.pending).toMatchObject({ id: replacing.id, from: 'university', to: 'business' });
    expect(own.history.find((change) => change.id === asked.id)?.status).toBe('replaced');

    // Participants and moderators do not decide; the admin (an organizer of every forum) does.
    await t.as(ann).get('/api/people/group-changes').expect(403);
    await t.as(moderator).post(`/api/people/group-changes/${replacing.id}/approve`).expect(403);
    const pending = (await t.as(admin).get('/api/people/group-changes').expect(200)).body as GroupChange[];
    expect(pending.map((change) => change.id)).toEqual([replacing.id]);
    expect((await t.as(ann).get('/api/auth/me').expect(200)).body.stakeholderGroup).toBe('university');

    const approved = (await t.as(admin).post(`/api/people/group-changes/${replacing.id}/approve`).expect(200))
      .body as GroupChange;
    expect(approved).toMatchObject({ status: 'approved', decidedBy: { id: admin.user.id } });
    await t.as(admin).post(`/api/people/group-changes/${replacing.id}/decline`).expect(409);
    await t.as(admin).post(`/api/people/group-changes/${asked.id}/approve`).expect(409);
    expect((await t.as(ann).get('/api/auth/me').expect(200)).body.stakeholderGroup).toBe('business');

    // The old ballot still counts for the university; a new one, cast with the same token, for business.
    const second = await openPoll();
    await t
      .as(ann)
      .post(`/api/polls/${second.id}/votes`, { optionIds: [second.options[1].id] })
      .expect(200);
    const firstNow = (await t.as(ann).get(`/api/polls/${first.id}`).expect(200)).body as Poll;
    const secondNow = (await t.as(ann).get(`/api/polls/${second.id}`).expect(200)).body as Poll;
    expect(firstNow.byGroup).toEqual({ university: { [first.options[0].id]: 1, [first.options[1].id]: 0 } });
    expect(secondNow.byGroup).toEqual({ business: { [second.options[0].id]: 0, [second.options[1].id]: 1 } });
  });

  it('a declined request leaves the group as it was', async () => {
    const bob = await t.register({ displayName: 'Bob', stakeholderGroup: 'business' });
    const asked = (await t.as(bob).post('/api/auth/me/group-change', { group: 'government' }).expect(201))
      .body as GroupChange;
    await t.as(admin).post(`/api/people/group-changes/${asked.id}/decline`).expect(200);
    expect((await t.as(bob).get('/api/auth/me').expect(200)).body.stakeholderGroup).toBe('business');
    expect(
      ((await t.as(bob).get('/api/auth/me/group-change').expect(200)).body as OwnGroupChanges).pending,
    ).toBe(null);
  });

  it('exports what the person did as a JSON attachment, without the password hash', async () => {
    const cara = await t.register({ displayName: 'Cara', organization: 'City Hall' });
    const topic = await thread(cara, 'Bike lanes');
    const message = await say(cara, topic.id, 'More bike lanes on Lenina');
    const poll = await openPoll();
    await t
      .as(cara)
      .post(`/api/polls/${poll.id}/votes`, { optionIds: [poll.options[1].id] })
      .expect(200);
    await t.as(cara).post('/api/auth/me/group-change', { group: 'business' }).expect(201);

    const response = await t.as(cara).get('/api/auth/me/export').expect(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".+\.json"$/);
    expect(response.text).not.toMatch(/passwordHash|\$argon|\$scrypt/);
    const data = response.body as PersonalDataExport;
    expect(data.account).toMatchObject({ id: cara.user.id, email: cara.user.email, displayName: 'Cara' });
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.sections['threads']).toEqual([
      expect.objectContaining({ id: topic.id, title: 'Bike lanes' }),
    ]);
    expect(data.sections['messages']).toEqual([
      expect.objectContaining({ id: message.id, text: 'More bike lanes on Lenina' }),
    ]);
    expect(data.sections['pollBallots']).toEqual([
      expect.objectContaining({ pollId: poll.id, optionIds: [poll.options[1].id], group: 'university' }),
    ]);
    expect(data.sections['groupChanges']).toEqual([
      expect.objectContaining({ to: 'business', status: 'pending' }),
    ]);
    for (const section of [
      'reactions',
      'initiativeVotes',
      'initiativesProposed',
      'statementVotes',
      'questions',
      'questionUpvotes',
      'moderationActions',
    ])
      expect(data.sections[section]).toEqual(expect.any(Array));
    await t.http().get('/api/auth/me/export').expect(401);
  });

  it('deletes the account: sessions end at once, words and votes stay under a former participant', async () => {
    const dan = await t.register({ displayName: 'Dan Deleted', organization: 'Leaving Ltd' });
    const eve = await t.register({ displayName: 'Eve' });
    const topic = await thread(eve, 'Tram routes');
    await say(eve, topic.id, 'Route 4 should run later');
    const words = await say(dan, topic.id, 'Agreed, until midnight');
    const started = await thread(dan, 'Night buses');
    const poll = await openPoll();
    await t
      .as(dan)
      .post(`/api/polls/${poll.id}/votes`, { optionIds: [poll.options[0].id] })
      .expect(200);
    await t
      .as(eve)
      .post(`/api/polls/${poll.id}/votes`, { optionIds: [poll.options[1].id] })
      .expect(200);
    const tallyBefore = ((await t.as(eve).get(`/api/polls/${poll.id}`).expect(200)).body as Poll).byGroup;

    // A wrong or missing password changes nothing.
    await t.as(dan).delete('/api/auth/me').send({}).expect(400);
    await t.as(dan).delete('/api/auth/me').send({ password: 'not my password' }).expect(403);
    await t.as(dan).get('/api/auth/me').expect(200);

    await t.as(dan).delete('/api/auth/me').send({ password: dan.password }).expect(204);
    // The access token and the refresh token are refused at once.
    await t.as(dan).get('/api/auth/me').expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: dan.refreshToken }).expect(401);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: dan.user.email, password: dan.password })
      .expect(401);

    // The thread keeps both messages; Dan's is a former participant's, the tally has not moved.
    const page = (await t.as(eve).get(`/api/rooms/${room.id}/messages?threadId=${topic.id}`).expect(200))
      .body as {
      items: Message[];
    };
    expect(page.items.map((item) => item.text)).toEqual([
      'Route 4 should run later',
      'Agreed, until midnight',
    ]);
    expect(page.items.find((item) => item.id === words.id)?.author).toEqual({
      id: dan.user.id,
      displayName: 'Former participant',
      organization: '',
      stakeholderGroup: 'university',
      former: true,
    });
    const threads = (await t.as(eve).get(`/api/rooms/${room.id}/threads`).expect(200)).body as Thread[];
    expect(threads.find((item) => item.id === started.id)?.createdBy).toMatchObject({
      displayName: 'Former participant',
      former: true,
    });
    const after = (await t.as(eve).get(`/api/polls/${poll.id}`).expect(200)).body as Poll;
    expect(after.byGroup).toEqual(tallyBefore);
    expect(after.voters).toBe(2);

    // The e-mail is free to register again, as a new account.
    const again = await t.register({ email: dan.user.email, displayName: 'Dan Again' });
    expect(again.user.id).not.toBe(dan.user.id);
  });

  const proposeForVoting = async (user: TestUser, title: string, summary: string): Promise<Initiative> => {
    const initiative = (
      await t.as(user).post('/api/initiatives', { title, summary, partners: [] }).expect(201)
    ).body as Initiative;
    await t.as(user).post(`/api/initiatives/${initiative.id}/voting/open`, {}).expect(200);
    return initiative;
  };

  it('deletes the account: its questions, initiatives and objections name a former participant', async () => {
    const dan = await t.register({ displayName: 'Dan Departing', organization: 'Leaving Ltd' });
    const eve = await t.register({ displayName: 'Eve Staying', stakeholderGroup: 'business' });
    const asked = (
      await t
        .as(dan)
        .post(`/api/rooms/${room.id}/questions`, {
          text: 'Who runs the night buses?',
          clientId: randomUUID(),
        })
        .expect(201)
    ).body as Question;
    const proposed = await proposeForVoting(dan, 'Night bus pilot', 'Buses until 2 am.');
    const opposed = await proposeForVoting(eve, 'Close the old depot', 'Sell it.');
    await t
      .as(dan)
      .put(`/api/initiatives/${opposed.id}/vote`, {
        position: 'block',
        reason: 'The depot is the only one for night buses',
        wouldChange: 'Keep one bay for buses',
      })
      .expect(200);
    const tallyBefore = (
      (await t.as(eve).get(`/api/initiatives/${opposed.id}`).expect(200)).body as Initiative
    ).tally;

    await t.as(dan).delete('/api/auth/me').send({ password: dan.password }).expect(204);

    const former = { id: dan.user.id, displayName: 'Former participant', organization: '', former: true };
    const questions = (await t.as(eve).get(`/api/rooms/${room.id}/questions`).expect(200)).body as Question[];
    expect(questions.find((question) => question.id === asked.id)?.author).toMatchObject(former);
    const own = (await t.as(eve).get(`/api/initiatives/${proposed.id}`).expect(200)).body as Initiative;
    expect(own.proposer).toMatchObject(former);
    const voted = (await t.as(eve).get(`/api/initiatives/${opposed.id}`).expect(200)).body as Initiative;
    expect(voted.objections).toEqual([
      expect.objectContaining({
        user: { ...former, stakeholderGroup: 'university' },
        position: 'block',
        reason: 'The depot is the only one for night buses',
      }),
    ]);
    expect(voted.tally).toEqual(tallyBefore);
    expect(JSON.stringify(voted)).not.toContain('Dan Departing');
  });
});
