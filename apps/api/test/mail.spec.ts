import type { OutboxMessage } from '@helix/contract';
import { startSmtp, type TestSmtp } from './support/smtp';
import { ADMIN_EMAIL, startTestApp, type TestApp, type TestUser } from './support/test-app';

describe('e-mail goes out through SMTP_URL, in the reader language, as text and HTML', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let ann: TestUser;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Forum <forum@helix.test>',
        PUBLIC_URL: 'https://forum.helix.test',
      },
    });
    ann = await t.register({ displayName: 'Ann' });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('delivers a reset link to the SMTP server, with a link on PUBLIC_URL in both bodies', async () => {
    await t.http().post('/api/auth/password-reset').send({ email: ann.user.email }).expect(202);
    const mail = await smtp.next(ann.user.email);
    expect(mail.subject).toBe('Reset your Helix password');
    expect(mail.link).toMatch(/^https:\/\/forum\.helix\.test\/reset-password\?token=/);
    expect(mail.html).toContain(`href="${mail.link}"`);
    expect(mail.text).toContain('one hour');
  });

  it('writes in Russian to someone who asks in Russian', async () => {
    await t
      .http()
      .post('/api/auth/sign-in-link')
      .set('Accept-Language', 'ru-RU,ru;q=0.9')
      .send({ email: ann.user.email })
      .expect(202);
    const mail = await smtp.next(ann.user.email);
    expect(mail.subject).toBe('Ссылка для входа в Helix');
    expect(mail.html).toContain('Войти в Helix');
    expect(mail.link).toMatch(/\/sign-in-link\?token=/);
  });
});

describe('without SMTP_URL, e-mail waits in an outbox only admins read', () => {
  let t: TestApp;
  let admin: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.register({ email: ADMIN_EMAIL, displayName: 'Admin' });
    bob = await t.register({ displayName: 'Bob' });
  });

  afterAll(() => t?.close());

  const outboxOf = async (to: string): Promise<OutboxMessage[]> =>
    (
      await t
        .as(admin)
        .get(`/api/admin/outbox?to=${encodeURIComponent(to)}`)
        .expect(200)
    ).body as OutboxMessage[];

  it('keeps the message, newest first, with both bodies', async () => {
    // Each request is answered before its e-mail is written: the second is asked for once the first is kept.
    let messages: OutboxMessage[] = [];
    const waitForMessages = async (count: number) => {
      for (let tries = 0; messages.length < count && tries < 100; tries += 1) {
        messages = await outboxOf(bob.user.email);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await t.http().post('/api/auth/password-reset').send({ email: bob.user.email }).expect(202);
    await waitForMessages(1);
    await t.http().post('/api/auth/sign-in-link').send({ email: bob.user.email }).expect(202);
    await waitForMessages(2);
    expect(messages.map((message) => message.subject)).toEqual([
      'Your Helix sign-in link',
      'Reset your Helix password',
    ]);
    expect(messages[0].text).toMatch(/http:\/\/localhost:\d+\/sign-in-link\?token=/);
    expect(messages[0].html).toContain('<a href=');
  });

  it('survives a restart: the outbox is stored', async () => {
    const { dbName } = t;
    await t.close();
    t = await startTestApp({ dbName });
    const relogin = await t
      .http()
      .post('/api/auth/login')
      .send({ email: ADMIN_EMAIL, password: admin.password })
      .expect(200);
    admin = { ...relogin.body, password: admin.password };
    expect(await outboxOf(bob.user.email)).toHaveLength(2);
  });

  it('is refused to everyone but admins', async () => {
    await t.as(bob).get('/api/admin/outbox').expect(403);
    await t.http().get('/api/admin/outbox').expect(401);
  });
});
