import type { AuthResponse } from '@helix/contract';
import { startSmtp, type TestSmtp } from './support/smtp';
import { startTestApp, type TestApp, type TestUser } from './support/test-app';

const NEW_PASSWORD = 'a brand new passphrase';

describe('password reset and sign-in links by e-mail', () => {
  let smtp: TestSmtp;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const login = (email: string, password: string) =>
    t.http().post('/api/auth/login').send({ email, password });

  it('answers 202 alike for an unknown address, and sends nothing to it', async () => {
    const known = await t.register();
    const timed = async (email: string) => {
      const started = performance.now();
      await t.http().post('/api/auth/password-reset').send({ email }).expect(202);
      return performance.now() - started;
    };
    const unknownMs = await timed('nobody@helix.test');
    const knownMs = await timed(known.user.email);
    await smtp.next(known.user.email);
    // The look-up and the sending happen after the answer, so neither betrays the account.
    expect(Math.abs(knownMs - unknownMs)).toBeLessThan(250);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.some((mail) => mail.to === 'nobody@helix.test')).toBe(false);
  });

  it('sets the new password once and ends every session of the account', async () => {
    const ann: TestUser = await t.register();
    const phone = (await login(ann.user.email, ann.password).expect(200)).body as AuthResponse;
    await t.http().post('/api/auth/password-reset').send({ email: ann.user.email }).expect(202);
    const { token } = await smtp.next(ann.user.email);

    await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: NEW_PASSWORD })
      .expect(204);

    await login(ann.user.email, ann.password).expect(401);
    await login(ann.user.email, NEW_PASSWORD).expect(200);
    for (const session of [ann, phone])
      await t.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    const again = await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'yet another passphrase' });
    expect(again.status).toBe(400);
    await login(ann.user.email, NEW_PASSWORD).expect(200);
  });

  it('refuses a too short password and keeps the token usable', async () => {
    const bob = await t.register();
    await t.http().post('/api/auth/password-reset').send({ email: bob.user.email }).expect(202);
    const { token } = await smtp.next(bob.user.email);
    await t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'short' }).expect(400);
    await login(bob.user.email, bob.password).expect(200);
    await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: NEW_PASSWORD })
      .expect(204);
  });

  it('signs in once with an e-mailed link, and a reset token is no sign-in link', async () => {
    const cem = await t.register({ displayName: 'Cem' });
    await t.http().post('/api/auth/sign-in-link').send({ email: cem.user.email.toUpperCase() }).expect(202);
    const { token } = await smtp.next(cem.user.email);

    const signedIn = (await t.http().post('/api/auth/sign-in-link/confirm').send({ token }).expect(200))
      .body as AuthResponse;
    expect(signedIn.user).toMatchObject({ id: cem.user.id, displayName: 'Cem' });
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${signedIn.accessToken}`).expect(200);
    await t.http().post('/api/auth/sign-in-link/confirm').send({ token }).expect(400);

    await t.http().post('/api/auth/password-reset').send({ email: cem.user.email }).expect(202);
    const reset = await smtp.next(cem.user.email);
    await t.http().post('/api/auth/sign-in-link/confirm').send({ token: reset.token }).expect(400);
  });

  it('limits the links one address can be sent', async () => {
    const dan = await t.register();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await t.http().post('/api/auth/sign-in-link').send({ email: dan.user.email })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    for (let i = 0; i < 5; i += 1) await smtp.next(dan.user.email);
  });

  it('refuses a malformed request with a 400', async () => {
    await t.http().post('/api/auth/password-reset').send({ email: 42 }).expect(400);
    await t.http().post('/api/auth/sign-in-link/confirm').send({ token: 'x' }).expect(400);
  });
});
