import type { AuthResponse, Message, Room, Thread } from '@helix/contract';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { startRedis, type TestRedis } from './support/redis';
import {
  ADMIN_EMAIL,
  emitWithAck,
  startTestApp,
  testMongoUri,
  uniqueDbName,
  type TestApp,
  type TestSocket,
} from './support/test-app';

/** The contract: a sign-out and a role taken away take effect within 5 s, on REST and on sockets. */
const WITHIN_MS = 5_000;

/** Asks `holds` until it is true; fails unless that happens within WITHIN_MS. Resolves with the time it took. */
async function withinFiveSeconds(holds: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await holds()) return Date.now() - started;
    if (Date.now() - started > WITHIN_MS) throw new Error(`still not so after ${WITHIN_MS} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Resolves with the handshake's refusal, or null when the socket connected. */
function handshake(url: string, token: string, sockets: Socket[]): Promise<Error | null> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(null));
    socket.once('connect_error', (error) => resolve(error));
  });
}

function connected(url: string, token: string, sockets: Socket[]): Promise<TestSocket> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket as unknown as TestSocket));
    socket.once('connect_error', reject);
  });
}

const authed = (url: string, token: string) => ({
  get: (path: string) => request(url).get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: object = {}) =>
    request(url).post(path).set('Authorization', `Bearer ${token}`).send(body),
  patch: (path: string, body: object) =>
    request(url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
});

describe('ended means ended, on one instance', () => {
  let t: TestApp;
  let room: Room;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    room = (await t.rooms(await t.register()))[0];
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await t.close();
  });

  it('refuses the access token of a signed-out session at once, on REST and for a new socket, and only that one', async () => {
    const ann = await t.register();
    const other = (
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: ann.user.email, password: ann.password })
        .expect(200)
    ).body as AuthResponse;
    await t.as(ann).get('/api/auth/me').expect(200);
    await t.http().post('/api/auth/logout').send({ refreshToken: ann.refreshToken }).expect(204);

    const me = await t.as(ann).get('/api/auth/me').expect(401);
    expect(me.body).toMatchObject({ code: 'UNAUTHORIZED' });
    await t.as(ann).post(`/api/rooms/${room.id}/threads`, { title: 'After sign-out' }).expect(401);
    expect((await handshake(t.url, ann.accessToken, sockets))?.message).toMatch(/^UNAUTHORIZED/);

    // The same person's other device stays signed in.
    await authed(t.url, other.accessToken).get('/api/auth/me').expect(200);
    expect(await handshake(t.url, other.accessToken, sockets)).toBeNull();
  });

  it('takes moderator powers from a demoted moderator at once, on REST and on their open socket, and gives new ones at once', async () => {
    const mod = await t.moderator();
    const admin = (
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: ADMIN_EMAIL, password: 'correct horse battery' })
        .expect(200)
    ).body as AuthResponse;
    const ann = await t.register();
    const thread = (await t.as(ann).post(`/api/rooms/${room.id}/threads`, { title: 'Demotion' }).expect(201))
      .body as Thread;
    const said = (
      await t
        .as(ann)
        .post(`/api/rooms/${room.id}/messages`, { threadId: thread.id, text: 'Hi', clientId: 'd-1' })
    ).body as Message;
    await t.as(mod).get(`/api/rooms/${room.id}/moderation-log`).expect(200);
    const socket = await t.connect(mod.accessToken);

    await authed(t.url, admin.accessToken)
      .patch(`/api/users/${mod.user.id}/roles`, { roles: [] })
      .expect(200);

    await t.as(mod).get(`/api/rooms/${room.id}/moderation-log`).expect(403);
    await t
      .as(mod)
      .post(`/api/rooms/${room.id}/polls`, { question: 'Still mine?', options: ['Yes', 'No'] })
      .expect(403);
    const me = (await t.as(mod).get('/api/auth/me').expect(200)).body as AuthResponse['user'];
    expect(me.roles).toEqual(['participant']);
    const hide = await emitWithAck(socket, 'message:hide', { messageId: said.id, reason: 'Off topic' });
    expect(hide).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // A promotion counts as soon, without signing in again.
    await authed(t.url, admin.accessToken)
      .patch(`/api/users/${ann.user.id}/roles`, { roles: ['moderator'] })
      .expect(200);
    await t.as(ann).get(`/api/rooms/${room.id}/moderation-log`).expect(200);
  });
});

describe('ended means ended, across instances', () => {
  const ADMIN = 'admin@ended.test';
  let redis: TestRedis;
  let a: ApiProcess;
  let b: ApiProcess;
  let admin: AuthResponse;
  let room: Room;
  const sockets: Socket[] = [];

  const register = async (email: string): Promise<AuthResponse> =>
    (
      await request(a.url)
        .post('/api/auth/register')
        .send({
          email,
          password: 'ended means ended',
          displayName: email.split('@')[0],
          organization: 'Tomsk State University',
          stakeholderGroup: 'university',
        })
        .expect(201)
    ).body as AuthResponse;

  beforeAll(async () => {
    redis = await startRedis();
    const env = { MONGODB_URI: testMongoUri(uniqueDbName()), REDIS_URL: redis.url, ADMIN_EMAILS: ADMIN };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    admin = await register(ADMIN);
    room = ((await authed(a.url, admin.accessToken).get('/api/rooms').expect(200)).body as Room[])[0];
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
    await redis?.stop();
  });

  it('a sign-out on A ends the access token on B within 5 s: REST, new sockets and open ones', async () => {
    const ann = await register('ann@ended.test');
    // B has seen the session live, so it is B's memory of it that must change.
    await authed(b.url, ann.accessToken).get('/api/auth/me').expect(200);
    const open = await connected(b.url, ann.accessToken, sockets);
    const closed = new Promise<void>((resolve) => open.once('disconnect', () => resolve()));

    await request(a.url).post('/api/auth/logout').send({ refreshToken: ann.refreshToken }).expect(204);

    await withinFiveSeconds(
      async () => (await authed(b.url, ann.accessToken).get('/api/auth/me')).status === 401,
    );
    await authed(b.url, ann.accessToken).post(`/api/rooms/${room.id}/threads`, { title: 'Late' }).expect(401);
    expect((await handshake(b.url, ann.accessToken, sockets))?.message).toMatch(/^UNAUTHORIZED/);
    await closed;
  });

  it('a demotion on A takes moderator powers away on B within 5 s, also on a socket open on B', async () => {
    const mod = await register('mod@ended.test');
    const bob = await register('bob@ended.test');
    await authed(a.url, admin.accessToken)
      .patch(`/api/users/${mod.user.id}/roles`, { roles: ['moderator'] })
      .expect(200);
    // No new sign-in: the promotion counts on B with the token mod already has.
    await withinFiveSeconds(
      async () =>
        (await authed(b.url, mod.accessToken).get(`/api/rooms/${room.id}/moderation-log`)).status === 200,
    );
    const thread = (
      await authed(b.url, bob.accessToken)
        .post(`/api/rooms/${room.id}/threads`, { title: 'Across' })
        .expect(201)
    ).body as Thread;
    const said = (
      await authed(b.url, bob.accessToken)
        .post(`/api/rooms/${room.id}/messages`, { threadId: thread.id, text: 'Hello', clientId: 'x-1' })
        .expect(201)
    ).body as Message;
    const socket = await connected(b.url, mod.accessToken, sockets);

    await authed(a.url, admin.accessToken)
      .patch(`/api/users/${mod.user.id}/roles`, { roles: [] })
      .expect(200);

    await withinFiveSeconds(
      async () =>
        (await authed(b.url, mod.accessToken).get(`/api/rooms/${room.id}/moderation-log`)).status === 403,
    );
    await authed(b.url, mod.accessToken)
      .post(`/api/rooms/${room.id}/polls`, { question: 'Mine?', options: ['Yes', 'No'] })
      .expect(403);
    // B updates its sockets with the same read that answers REST, so they are demoted by now.
    const hide = await emitWithAck(socket, 'message:hide', { messageId: said.id, reason: 'Off topic' });
    expect(hide).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
