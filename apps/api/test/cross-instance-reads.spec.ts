import type {
  AuthResponse,
  ConsensusRuleSettings,
  Initiative,
  Message,
  MessagePage,
  NextStatement,
  Poll,
  Room,
  Statement,
  Thread,
} from '@helix/contract';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { startRedis, type TestRedis } from './support/redis';
import { testMongoUri, uniqueDbName } from './support/test-app';

const ADMIN = 'admin@cross.test';

/**
 * Each instance answers REST from its own read models (docs/adr/0001-forum-scale.md): what one instance
 * stores must reach the other's answers within a second.
 */
describe('a change on one instance is in the REST answers of the other within a second', () => {
  let redis: TestRedis;
  let a: ApiProcess;
  let b: ApiProcess;
  let admin: AuthResponse;
  let ann: AuthResponse;
  let bob: AuthResponse;
  let room: Room;
  let thread: Thread;
  const sockets: Socket[] = [];

  const as = (url: string, user: AuthResponse) => ({
    get: (path: string) => request(url).get(path).set('Authorization', `Bearer ${user.accessToken}`),
    post: (path: string, body: object = {}) =>
      request(url).post(path).set('Authorization', `Bearer ${user.accessToken}`).send(body),
    put: (path: string, body: object) =>
      request(url).put(path).set('Authorization', `Bearer ${user.accessToken}`).send(body),
    patch: (path: string, body: object) =>
      request(url).patch(path).set('Authorization', `Bearer ${user.accessToken}`).send(body),
  });

  /** Asks `read` until `seen` holds; fails unless that happens within a second of the change. */
  async function seenWithinASecond<T>(read: () => Promise<T>, seen: (value: T) => boolean): Promise<number> {
    const started = Date.now();
    for (;;) {
      if (seen(await read())) return Date.now() - started;
      if (Date.now() - started > 1_000) throw new Error('not seen on the other instance within a second');
      await new Promise((done) => setTimeout(done, 25));
    }
  }

  beforeAll(async () => {
    redis = await startRedis();
    const env = { MONGODB_URI: testMongoUri(uniqueDbName()), REDIS_URL: redis.url, ADMIN_EMAILS: ADMIN };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    const register = async (url: string, email: string) =>
      (
        await request(url)
          .post('/api/auth/register')
          .send({
            email,
            password: 'cross-instance password',
            displayName: email.split('@')[0],
            organization: email.includes('bob') ? 'City Hall' : 'Tomsk State University',
            stakeholderGroup: email.includes('bob') ? 'government' : 'university',
          })
          .expect(201)
      ).body as AuthResponse;
    admin = await register(a.url, ADMIN);
    ann = await register(a.url, 'ann@cross.test');
    bob = await register(b.url, 'bob@cross.test');
    room = ((await as(a.url, ann).get('/api/rooms').expect(200)).body as Room[])[0];
    thread = (await as(a.url, ann).post(`/api/rooms/${room.id}/threads`, { title: 'Both ways' }).expect(201))
      .body as Thread;
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
    await redis?.stop();
  });

  const connect = (url: string, user: AuthResponse): Promise<Socket> => {
    const socket = io(url, { auth: { token: user.accessToken }, transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  };

  it('a ballot cast on B is counted in the poll A answers', async () => {
    const poll = (
      await as(a.url, admin)
        .post(`/api/rooms/${room.id}/polls`, {
          question: 'Open the labs on Saturdays?',
          options: ['Yes', 'No'],
        })
        .expect(201)
    ).body as Poll;
    await as(a.url, admin).post(`/api/polls/${poll.id}/open`).expect(200);
    await as(b.url, bob)
      .post(`/api/polls/${poll.id}/votes`, { optionIds: [poll.options[1].id] })
      .expect(200);
    await seenWithinASecond(
      async () => (await as(a.url, ann).get(`/api/polls/${poll.id}`).expect(200)).body as Poll,
      (seen) => seen.voters === 1 && seen.options[1].votes === 1,
    );
  });

  it('a statement approved on A takes a vote on B, and A counts it and refuses a second one', async () => {
    const statement = (
      await as(a.url, ann)
        .post(`/api/rooms/${room.id}/statements`, { text: 'Labs open on Saturdays', clientId: 'cross-s' })
        .expect(201)
    ).body as Statement;
    await as(a.url, admin).patch(`/api/statements/${statement.id}`, { status: 'approved' }).expect(200);
    await seenWithinASecond(
      async () =>
        (await as(b.url, bob).get(`/api/rooms/${room.id}/statements/next`).expect(200)).body as NextStatement,
      (seen) => seen.statement?.id === statement.id,
    );
    await as(b.url, bob).post(`/api/statements/${statement.id}/votes`, { vote: 'agree' }).expect(200);
    await seenWithinASecond(
      async () =>
        (await as(a.url, ann).get(`/api/rooms/${room.id}/statements`).expect(200)).body as Statement[],
      (seen) => seen.find((item) => item.id === statement.id)?.votes.agree === 1,
    );
    await as(a.url, bob).post(`/api/statements/${statement.id}/votes`, { vote: 'disagree' }).expect(409);
  });

  it('an edit made on B is the text A pages, and a message posted on A is in the page B answers', async () => {
    const posted = (
      await as(a.url, ann)
        .post(`/api/rooms/${room.id}/messages`, {
          threadId: thread.id,
          text: 'Draft wording',
          clientId: 'cross-1',
        })
        .expect(201)
    ).body as Message;
    const page = (url: string) => async () =>
      (await as(url, bob).get(`/api/rooms/${room.id}/messages?threadId=${thread.id}`).expect(200))
        .body as MessagePage;
    await seenWithinASecond(page(b.url), (seen) => seen.items.some((item) => item.id === posted.id));

    const annOnB = await connect(b.url, ann);
    const ack = await annOnB
      .timeout(5_000)
      .emitWithAck('message:edit', { messageId: posted.id, text: 'Final wording' });
    expect(ack).toMatchObject({ ok: true });
    await seenWithinASecond(page(a.url), (seen) =>
      seen.items.some((item) => item.id === posted.id && item.text === 'Final wording'),
    );
  });

  it('a vote on an initiative of the whole forum, cast on B, is in the tally A answers', async () => {
    const initiative = (
      await as(a.url, ann)
        .post('/api/initiatives', {
          title: 'Saturday labs',
          summary: 'Open two labs on Saturdays.',
          partners: [],
        })
        .expect(201)
    ).body as Initiative;
    await seenWithinASecond(
      async () => (await as(b.url, bob).get('/api/initiatives')).body as Initiative[],
      (seen) => seen.some((item) => item.id === initiative.id),
    );
    await as(a.url, ann).post(`/api/initiatives/${initiative.id}/voting/open`, {}).expect(200);
    await seenWithinASecond(
      async () => (await as(b.url, bob).get(`/api/initiatives/${initiative.id}`)).body as Initiative,
      (seen) => seen.status === 'voting',
    );
    await as(b.url, bob).put(`/api/initiatives/${initiative.id}/vote`, { position: 'agree' }).expect(200);
    await seenWithinASecond(
      async () =>
        (await as(a.url, ann).get(`/api/initiatives/${initiative.id}`).expect(200)).body as Initiative,
      (seen) => seen.tally.total === 1 && seen.tally.byGroup.government?.agree === 1,
    );
  });

  it('the forum minimum rule an admin sets on A is the one B opens voting with', async () => {
    await as(a.url, admin).patch('/api/consensus-rule', { quorum: 9 }).expect(200);
    await seenWithinASecond(
      async () => (await as(b.url, bob).get('/api/consensus-rule').expect(200)).body as ConsensusRuleSettings,
      (seen) => seen.minimum.quorum === 9,
    );
    const initiative = (
      await as(b.url, bob)
        .post('/api/initiatives', { title: 'Night buses', summary: 'Buses after midnight.', partners: [] })
        .expect(201)
    ).body as Initiative;
    const refused = await as(b.url, bob)
      .post(`/api/initiatives/${initiative.id}/voting/open`, { rule: { quorum: 8 } })
      .expect(400);
    expect(refused.body.message).toEqual(['quorum 8 is below the forum minimum of 9']);
    const opened = (
      await as(b.url, bob).post(`/api/initiatives/${initiative.id}/voting/open`, {}).expect(200)
    ).body as Initiative;
    expect(opened.rule.quorum).toBe(9);
    await as(a.url, admin).patch('/api/consensus-rule', { quorum: 6 }).expect(200);
  });
});
