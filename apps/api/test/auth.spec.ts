import type { AuthResponse, TokenPair } from '@helix/contract';
import { ADMIN_EMAIL, bearer, startTestApp, type TestApp } from './support/test-app';

describe('accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers a participant and returns tokens and the user without secrets', async () => {
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({
        email: 'Olga@Example.org',
        password: 'long enough pass',
        displayName: 'Olga',
        organization: 'Tomsk Polytechnic',
        stakeholderGroup: 'university',
      })
      .expect(201);
    const body = response.body as AuthResponse;
    expect(body.user).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      moderatedRoomIds: [],
      email: 'olga@example.org',
      displayName: 'Olga',
      organization: 'Tomsk Polytechnic',
      stakeholderGroup: 'university',
      roles: ['participant'],
    });
    expect(body.accessToken.split('.')).toHaveLength(3);
    expect(body.refreshToken.length).toBeGreaterThan(30);
    expect(JSON.stringify(body)).not.toMatch(/password/i);
  });

  it('refuses a duplicate email (any case) with 409', async () => {
    const user = await t.register();
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({ ...user.user, email: user.user.email.toUpperCase(), password: 'another long one' })
      .expect(400); // `id` and `roles` are not registration fields
    expect(response.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/Unrecognized key/)]),
    );
    await t
      .http()
      .post('/api/auth/register')
      .send({
        email: user.user.email.toUpperCase(),
        password: 'another long one',
        displayName: 'X',
        organization: 'Y',
        stakeholderGroup: 'business',
      })
      .expect(409);
  });

  it.each([
    ['a short password', { password: 'short' }],
    ['an unknown stakeholder group', { stakeholderGroup: 'aliens' }],
    ['a malformed email', { email: 'not-an-email' }],
    ['an operator object', { email: { $ne: 'x' } }],
    ['an extra field', { roles: ['admin'] }],
  ])('refuses %s with 400 and stores nothing', async (_case, patch) => {
    const email = `bad-${Math.random().toString(16).slice(2)}@helix.test`;
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({
        email,
        password: 'long enough pass',
        displayName: 'B',
        organization: 'O',
        stakeholderGroup: 'government',
        ...patch,
      })
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    await t.http().post('/api/auth/login').send({ email, password: 'long enough pass' }).expect(401);
  });

  it('answers an unknown email and a wrong password with the same 401', async () => {
    const user = await t.register();
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@helix.test', password: 'whatever123' })
      .expect(401);
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.user.email, password: 'wrong password' })
      .expect(401);
    expect(unknown.body.message).toBe(wrong.body.message);
    const ok = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.user.email, password: user.password })
      .expect(200);
    expect(ok.body.user.id).toBe(user.user.id);
  });

  it('tells who is signed in, and refuses missing, forged and malformed tokens', async () => {
    const user = await t.register();
    const me = await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(user.accessToken))
      .expect(200);
    expect(me.body).toEqual(user.user);
    await t.http().get('/api/auth/me').expect(401);
    await t
      .http()
      .get('/api/auth/me')
      .set(...bearer('not.a.token'))
      .expect(401);
    const [header, payload] = user.accessToken.split('.');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(unsigned))
      .expect(401);
    await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(`${header}.${payload}.forgedsignature`))
      .expect(401);
  });

  it('rotates refresh tokens; reusing an old one revokes the whole chain', async () => {
    const user = await t.register();
    const first = (
      await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200)
    ).body as TokenPair;
    expect(first.refreshToken).not.toBe(user.refreshToken);
    await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(first.accessToken))
      .expect(200);
    const second = (
      await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
    ).body as TokenPair;

    // The first token is presented again: it leaked, so the chain ends, including the newest token.
    await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it('lets two tabs refresh with the same token at once, and a third use revokes the chain', async () => {
    const user = await t.register();
    const results = await Promise.all(
      [1, 2].map(() => t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken })),
    );
    expect(results.map((result) => result.status)).toEqual([200, 200]);
    const [tab1, tab2] = results.map((result) => result.body as TokenPair);
    expect(tab1.refreshToken).not.toBe(tab2.refreshToken);
    await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(tab2.accessToken))
      .expect(200);

    await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: tab1.refreshToken }).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: tab2.refreshToken }).expect(401);
  });

  it('gives no grace once the successor has been used', async () => {
    const user = await t.register();
    const next = (
      await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200)
    ).body as TokenPair;
    const after = (
      await t.http().post('/api/auth/refresh').send({ refreshToken: next.refreshToken }).expect(200)
    ).body as TokenPair;
    await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: after.refreshToken }).expect(401);
  });

  it('logs out: the refresh token stops working', async () => {
    const user = await t.register();
    await t.http().post('/api/auth/logout').send({ refreshToken: user.refreshToken }).expect(204);
    await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: 'unknown-token' }).expect(401);
  });

  it('makes ADMIN_EMAILS admins; only admins set roles, and new roles arrive with the next refresh', async () => {
    const admin = await t.register({ email: ADMIN_EMAIL.toUpperCase() }).catch(() => undefined);
    const adminLogin = admin ?? (await loginAdmin(t));
    expect(adminLogin.user.roles).toEqual(['participant', 'admin']);
    const user = await t.register();

    await t
      .http()
      .patch(`/api/users/${user.user.id}/roles`)
      .set(...bearer(user.accessToken))
      .send({ roles: ['moderator'] })
      .expect(403);
    await t
      .http()
      .patch(`/api/users/${user.user.id}/roles`)
      .send({ roles: ['moderator'] })
      .expect(401);
    await t
      .http()
      .patch(`/api/users/not-an-id/roles`)
      .set(...bearer(adminLogin.accessToken))
      .send({ roles: [] })
      .expect(400);
    await t
      .http()
      .patch(`/api/users/${'0'.repeat(24)}/roles`)
      .set(...bearer(adminLogin.accessToken))
      .send({ roles: [] })
      .expect(404);
    await t
      .http()
      .patch(`/api/users/${user.user.id}/roles`)
      .set(...bearer(adminLogin.accessToken))
      .send({ roles: ['boss'] })
      .expect(400);
    const updated = await t
      .http()
      .patch(`/api/users/${user.user.id}/roles`)
      .set(...bearer(adminLogin.accessToken))
      .send({ roles: ['moderator'] })
      .expect(200);
    expect(updated.body.roles).toEqual(['participant', 'moderator']);

    const refreshed = (
      await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200)
    ).body as TokenPair;
    const claims = JSON.parse(Buffer.from(refreshed.accessToken.split('.')[1], 'base64url').toString());
    expect(claims.roles).toEqual(['participant', 'moderator']);
  });
});

async function loginAdmin(t: TestApp): Promise<AuthResponse> {
  const response = await t
    .http()
    .post('/api/auth/login')
    .send({ email: ADMIN_EMAIL, password: 'correct horse battery' })
    .expect(200);
  return response.body as AuthResponse;
}
