import type { AuthResponse, Room, Thread, TokenPair } from '@helix/contract';
import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { ADMIN_EMAIL, startTestApp, type TestApp, type TestUser } from './support/test-app';

// The test app trusts X-Forwarded-For from loopback (TRUST_PROXY's default), as Helix behind HAProxy does.
const FROM_HALL = '203.0.113.7';
const FROM_HOME = '198.51.100.9';

const statuses = (responses: Response[]): Record<number, number> =>
  responses.reduce<Record<number, number>>(
    (count, { status }) => ({ ...count, [status]: (count[status] ?? 0) + 1 }),
    {},
  );
const sleep = (seconds: number): Promise<void> =>
  new Promise((done) => setTimeout(done, seconds * 1000 + 50));

describe('REST rate limits, per person', () => {
  let t: TestApp;
  let room: Room;

  beforeAll(async () => {
    t = await startTestApp();
    room = (await t.rooms(await t.register()))[0];
  });
  afterAll(() => t?.close());

  it('lets one person create only a handful of threads a minute, answered 429 before anything is stored', async () => {
    const [flooder, other] = await Promise.all([t.register(), t.register()]);
    const title = `Flood ${randomBytes(4).toString('hex')}`;
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => t.as(flooder).post(`/api/rooms/${room.id}/threads`, { title })),
    );
    expect(statuses(responses)).toEqual({ 201: 5, 429: 95 });
    const limited = responses.find((response) => response.status === 429);
    expect(limited?.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);

    const threads = (await t.as(other).get(`/api/rooms/${room.id}/threads`).expect(200)).body as Thread[];
    expect(threads.filter((thread) => thread.title === title)).toHaveLength(5);
    await t.as(other).post(`/api/rooms/${room.id}/threads`, { title: 'Mine' }).expect(201);
  });

  it("lets a moderator draft a session's polls many at a time: polls are bounded by the write limit only", async () => {
    const moderator = await t.moderator();
    const responses: Response[] = [];
    for (let index = 0; index < 8; index++) {
      responses.push(
        await t.as(moderator).post(`/api/rooms/${room.id}/polls`, {
          question: `Poll ${index} of the session`,
          options: ['Yes', 'No'],
        }),
      );
    }
    expect(statuses(responses)).toEqual({ 201: 8 });
  });

  it('keys refresh and logout on the refresh token, so one flooder does not stop the hall renewing', async () => {
    const [neighbour, leaver] = await Promise.all([t.register(), t.register()]);
    const garbage = randomBytes(32).toString('base64url');
    const flood = (path: string) =>
      Promise.all(
        Array.from({ length: 40 }, () =>
          t.http().post(path).set('X-Forwarded-For', FROM_HALL).send({ refreshToken: garbage }),
        ),
      );
    const [refreshes, logouts] = [await flood('/api/auth/refresh'), await flood('/api/auth/logout')];
    expect(statuses(refreshes)[429]).toBeGreaterThanOrEqual(10);
    expect(statuses(logouts)[429]).toBeGreaterThanOrEqual(10);

    const renewed = await t
      .http()
      .post('/api/auth/refresh')
      .set('X-Forwarded-For', FROM_HALL)
      .send({ refreshToken: neighbour.refreshToken })
      .expect(200);
    expect((renewed.body as TokenPair).refreshToken).not.toBe(neighbour.refreshToken);
    await t
      .http()
      .post('/api/auth/logout')
      .set('X-Forwarded-For', FROM_HALL)
      .send({ refreshToken: leaver.refreshToken })
      .expect(204);
  });
});

describe('a per-person limit on every REST write', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PERSON_WRITES_PER_10S: '2' } });
  });
  afterAll(() => t?.close());

  it('answers the third write to any write route within 10 s with 429', async () => {
    // The admin passes every role check, so the limit is what answers; bodies and ids need not be valid.
    const admin = await t.register({ email: ADMIN_EMAIL });
    const document = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes = Object.entries(document.paths).flatMap(([path, item]) =>
      ['post', 'put', 'patch', 'delete']
        .filter((method) => item[method])
        .map((method) => ({
          method: method as 'post' | 'put' | 'patch' | 'delete',
          path: path.replace(/\{\w+\}/g, randomBytes(12).toString('hex')),
        })),
    );
    expect(writes.length).toBeGreaterThan(20);
    const third: Record<string, number> = {};
    for (const { method, path } of writes) {
      const send = () => (method === 'delete' ? t.as(admin).delete(path) : t.as(admin)[method](path, {}));
      await send();
      await send();
      third[`${method.toUpperCase()} ${path}`] = (await send()).status;
    }
    expect(Object.entries(third).filter(([, status]) => status !== 429)).toEqual([]);
  });
});

describe('signing in under attack', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_LOGIN_FAILURES_PER_HOUR: '8' } });
  });
  afterAll(() => t?.close());

  const login = (
    user: Pick<TestUser, 'password'> & { user: { email: string } },
    from: string,
    password = user.password,
  ) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', from).send({ email: user.user.email, password });

  it('makes guesses from one address wait 1, 2… s after 5 failures, while the owner gets in from elsewhere or after the wait', async () => {
    const owner = await t.register();
    for (let i = 0; i < 5; i++) await login(owner, FROM_HALL, `guess ${i}`).expect(401);

    const refused = await login(owner, FROM_HALL).expect(429);
    expect(refused.body).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Too many failed sign-ins from here; wait a moment and try again',
    });
    expect(refused.headers['retry-after']).toBe('1');
    await sleep(1);
    await login(owner, FROM_HALL, 'guess 5').expect(401);
    expect((await login(owner, FROM_HALL).expect(429)).headers['retry-after']).toBe('2');

    // The owner from another address, and anyone else from the same one, sign in as usual.
    expect((await login(owner, FROM_HOME).expect(200)).body as AuthResponse).toMatchObject({
      user: { id: owner.user.id },
    });
    const neighbour = await t.register();
    await login(neighbour, FROM_HALL).expect(200);

    await sleep(2);
    await login(owner, FROM_HALL).expect(200);
    // Getting in clears that address's failures: a wrong password is an ordinary 401 again.
    await login(owner, FROM_HALL, 'typo').expect(401);
  });

  it('stops guessing spread over many addresses with a per-email ceiling, leaving other accounts alone', async () => {
    const owner = await t.register();
    for (let i = 0; i < 8; i++) await login(owner, `192.0.2.${i}`, `guess ${i}`).expect(401);

    const refused = await login(owner, '192.0.2.200').expect(429);
    expect(refused.body).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Too many failed sign-ins for this account; try again later',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    const other = await t.register();
    await login(other, '192.0.2.200').expect(200);
  });

  it('answers many sign-ins at once, each correctly', async () => {
    const people = await Promise.all(Array.from({ length: 20 }, () => t.register()));
    const attempts = [
      ...people.map((person) => ({ request: login(person, FROM_HALL), expected: 200 })),
      ...people
        .slice(0, 10)
        .map((person) => ({ request: login(person, FROM_HOME, 'wrong password'), expected: 401 })),
      ...Array.from({ length: 10 }, (_, i) => ({
        request: t
          .http()
          .post('/api/auth/login')
          .set('X-Forwarded-For', FROM_HALL)
          .send({
            email: `nobody-${i}-${randomBytes(3).toString('hex')}@helix.test`,
            password: 'whatever it is',
          }),
        expected: 401,
      })),
    ];
    const responses = await Promise.all(attempts.map(({ request }) => request));
    expect(responses.map((response) => response.status)).toEqual(attempts.map(({ expected }) => expected));
    responses.slice(0, people.length).forEach((response, i) => {
      expect((response.body as AuthResponse).user.id).toBe(people[i].user.id);
    });
  });
});
