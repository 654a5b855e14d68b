import type { TokenPair, User } from '@helix/contract';
import { startSmtp, type TestSmtp } from './support/smtp';
import { startTestApp, type TestApp } from './support/test-app';

describe('a person corrects their profile', () => {
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

  it('changes name, organization and language, and Helix then writes in that language', async () => {
    const ann = await t.register({ displayName: 'Ann', organization: 'TSU' });
    const updated = (
      await t
        .as(ann)
        .patch('/api/auth/me', {
          displayName: 'Ann Lee',
          organization: 'Tomsk State University',
          language: 'ru',
        })
        .expect(200)
    ).body as User;
    expect(updated).toMatchObject({
      displayName: 'Ann Lee',
      organization: 'Tomsk State University',
      stakeholderGroup: 'university',
    });
    expect(((await t.as(ann).get('/api/auth/me').expect(200)).body as User).displayName).toBe('Ann Lee');

    // Asked in English, written in the language the person chose.
    await t
      .http()
      .post('/api/auth/password-reset')
      .set('Accept-Language', 'en')
      .send({ email: ann.user.email })
      .expect(202);
    expect((await smtp.next(ann.user.email)).subject).toBe('Сброс пароля Helix');

    // The next access token carries the new name.
    const pair = (
      await t.http().post('/api/auth/refresh').send({ refreshToken: ann.refreshToken }).expect(200)
    ).body as TokenPair;
    const claims = JSON.parse(Buffer.from(pair.accessToken.split('.')[1], 'base64url').toString()) as {
      name: string;
    };
    expect(claims.name).toBe('Ann Lee');
  });

  it('refuses an empty change, a blank name and a change of group, and changes nothing', async () => {
    const bob = await t.register({ displayName: 'Bob' });
    await t.as(bob).patch('/api/auth/me', {}).expect(400);
    await t.as(bob).patch('/api/auth/me', { displayName: '   ' }).expect(400);
    await t.as(bob).patch('/api/auth/me', { stakeholderGroup: 'business' }).expect(400);
    await t.as(bob).patch('/api/auth/me', { language: 'de' }).expect(400);
    expect((await t.as(bob).get('/api/auth/me').expect(200)).body).toMatchObject({
      displayName: 'Bob',
      stakeholderGroup: 'university',
    });
  });
});
