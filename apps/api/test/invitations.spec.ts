import { getConnectionToken } from '@nestjs/mongoose';
import type { AuthResponse, Invitation, InvitationAcceptance, Message, Room, Thread } from '@helix/contract';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { startSmtp, type TestSmtp } from './support/smtp';
import { ADMIN_EMAIL, startTestApp, type TestApp, type TestUser } from './support/test-app';

const DAY_MS = 24 * 3_600_000;
const inDays = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();
const unique = (prefix: string): string => `${prefix}-${randomBytes(5).toString('hex')}`;
const tokenOf = (link: string): string => new URL(link).pathname.replace('/invite/', '');

describe('invitations and room-scoped moderators', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let admin: TestUser;
  let author: TestUser;
  let rooms: Room[];
  let forumId: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    admin = await t.register({ email: ADMIN_EMAIL, displayName: 'Admin' });
    author = await t.register({ displayName: 'Author' });
    rooms = await t.rooms(admin);
    forumId = rooms[0].forumId;
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const invite = (body: object, by = admin) => t.as(by).post(`/api/forums/${forumId}/invitations`, body);
  const accept = (user: TestUser, token: string) => t.as(user).post('/api/invitations/accept', { token });
  /** Signs in again, as the web client does after accepting, so a fresh token speaks for the new role. */
  const signInAgain = async (user: TestUser): Promise<TestUser> => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.user.email, password: user.password })
      .expect(200);
    return { ...(login.body as AuthResponse), password: user.password };
  };
  const messageIn = async (roomId: string): Promise<Message> => {
    const thread = (await t.as(author).post(`/api/rooms/${roomId}/threads`, { title: 'Invited' }).expect(201))
      .body as Thread;
    return (
      await t
        .as(author)
        .post(`/api/rooms/${roomId}/messages`, { threadId: thread.id, text: 'Hello', clientId: unique('m') })
        .expect(201)
    ).body as Message;
  };

  it('e-mails a moderator invitation; accepting lets them moderate that room only, once', async () => {
    const [mine, other] = rooms;
    const email = `${unique('bea')}@helix.test`;
    const created = (
      await invite({
        role: 'moderator',
        roomIds: [mine.id],
        expiresAt: inDays(7),
        maxUses: 5,
        email,
        language: 'ru',
        clientId: unique('i'),
      }).expect(201)
    ).body as Invitation;
    expect(created).toMatchObject({ role: 'moderator', roomIds: [mine.id], status: 'active', uses: [] });

    const mail = await smtp.next(email);
    expect(mail.subject).toContain('Приглашение');
    expect(mail.html).toContain('Принять приглашение');
    expect(mail.link).toBe(created.link);
    const token = tokenOf(created.link);

    const preview = await t.http().post('/api/invitations/preview').send({ token }).expect(200);
    expect(preview.body).toMatchObject({ role: 'moderator', status: 'active', rooms: [{ id: mine.id }] });

    const bea = await t.register({ email, displayName: 'Bea' });
    const first = (await accept(bea, token).expect(200)).body as InvitationAcceptance;
    expect(first.granted).toBe(true);
    const again = (await accept(bea, token).expect(200)).body as InvitationAcceptance;
    expect(again.granted).toBe(false);

    const listed = (await t.as(admin).get(`/api/forums/${forumId}/invitations`).expect(200))
      .body as Invitation[];
    const stored = listed.find((candidate) => candidate.id === created.id);
    expect(stored?.uses).toEqual([
      { person: { id: bea.user.id, displayName: 'Bea' }, at: expect.any(String) },
    ]);

    const me = (await t.as(bea).get('/api/auth/me').expect(200)).body;
    expect(me).toMatchObject({ roles: ['participant'], moderatedRoomIds: [mine.id] });
    const changes = (await t.as(admin).get(`/api/people/${bea.user.id}/role-changes`).expect(200)).body;
    expect(changes[0]).toMatchObject({ fromRoomIds: [], toRoomIds: [mine.id], invitationId: created.id });

    const here = await messageIn(mine.id);
    const there = await messageIn(other.id);
    await t.as(bea).post(`/api/messages/${here.id}/hide`, { reason: 'Off topic' }).expect(200);
    await t.as(bea).post(`/api/messages/${there.id}/hide`, { reason: 'Off topic' }).expect(403);
    await t.as(bea).get(`/api/rooms/${mine.id}/moderation-log`).expect(200);
    await t.as(bea).get(`/api/rooms/${other.id}/moderation-log`).expect(403);
    const poll = { question: 'Which first?', options: ['A', 'B'] };
    await t.as(bea).post(`/api/rooms/${mine.id}/polls`, poll).expect(201);
    await t.as(bea).post(`/api/rooms/${other.id}/polls`, poll).expect(403);
  });

  it('answers a repeated clientId with the same invitation, and refuses bad input changing nothing', async () => {
    const clientId = unique('i');
    const body = { role: 'participant', expiresAt: inDays(1), maxUses: 1, clientId };
    const first = (await invite(body).expect(201)).body as Invitation;
    const second = (await invite(body).expect(200)).body as Invitation;
    expect(second).toEqual(first);
    const before = (await t.as(admin).get(`/api/forums/${forumId}/invitations`).expect(200)).body.length;
    await invite({ role: 'moderator', expiresAt: inDays(1), maxUses: 1 }).expect(400);
    await invite({ role: 'participant', expiresAt: inDays(-1), maxUses: 1 }).expect(400);
    await invite({ role: 'participant', expiresAt: inDays(1), maxUses: 0 }).expect(400);
    await invite({ role: 'moderator', roomIds: ['0'.repeat(24)], expiresAt: inDays(1), maxUses: 1 }).expect(
      400,
    );
    await invite({ role: 'participant', expiresAt: inDays(1), maxUses: 1 }, author).expect(403);
    const after = (await t.as(admin).get(`/api/forums/${forumId}/invitations`).expect(200)).body.length;
    expect(after).toBe(before);
    await t.as(author).get(`/api/forums/${forumId}/invitations`).expect(403);
    await t
      .http()
      .post('/api/invitations/preview')
      .send({ token: `${first.id}.${'x'.repeat(43)}` })
      .expect(404);
  });

  it('counts uses once per person and refuses the one past the limit (409)', async () => {
    const created = (await invite({ role: 'participant', expiresAt: inDays(1), maxUses: 2 }).expect(201))
      .body as Invitation;
    const token = tokenOf(created.link);
    const [ann, bob, cem] = await Promise.all([t.register(), t.register(), t.register()]);
    await accept(ann, token).expect(200);
    await accept(ann, token).expect(200);
    await accept(bob, token).expect(200);
    const refused = await accept(cem, token).expect(409);
    expect(refused.body.message).toMatch(/used as many times/);
    const preview = await t.http().post('/api/invitations/preview').send({ token }).expect(200);
    expect(preview.body.status).toBe('used_up');
  });

  it('refuses a revoked invitation with 410, and one whose expiry passed', async () => {
    const created = (await invite({ role: 'participant', expiresAt: inDays(1), maxUses: 10 }).expect(201))
      .body as Invitation;
    const dan = await t.register();
    await t.as(author).post(`/api/invitations/${created.id}/revoke`).expect(403);
    const revoked = (await t.as(admin).post(`/api/invitations/${created.id}/revoke`).expect(200)).body;
    expect(revoked.status).toBe('revoked');
    await t.as(admin).post(`/api/invitations/${created.id}/revoke`).expect(200);
    const gone = await accept(dan, tokenOf(created.link)).expect(410);
    expect(gone.body.message).toMatch(/withdrawn/);

    const expiring = (await invite({ role: 'participant', expiresAt: inDays(1), maxUses: 10 }).expect(201))
      .body as Invitation;
    // Time passes: the stored expiry is moved into the past (accepting reads the invitation again by `_id`).
    await t.app
      .get<Connection>(getConnectionToken())
      .collection('invitations')
      .updateOne({ _id: expiring.id as never }, { $set: { expiresAt: new Date(Date.now() - 1_000) } });
    const expired = await accept(dan, tokenOf(expiring.link)).expect(410);
    expect(expired.body.message).toMatch(/expired/);
  });

  it('makes an organizer of the forum by an invitation', async () => {
    const created = (await invite({ role: 'organizer', expiresAt: inDays(2), maxUses: 1 }).expect(201))
      .body as Invitation;
    const eva = await t.register({ displayName: 'Eva' });
    await t.as(eva).get(`/api/forums/${forumId}/invitations`).expect(403);
    await accept(eva, tokenOf(created.link)).expect(200);
    await t.as(eva).get(`/api/forums/${forumId}/invitations`).expect(200);
  });

  it('lets an admin name the rooms a person moderates in the directory, logged', async () => {
    const [mine, other] = rooms;
    const fay = await t.register({ displayName: 'Fay' });
    await t
      .as(admin)
      .patch(`/api/people/${fay.user.id}/roles`, { roles: [], moderatedRoomIds: [other.id] })
      .expect(200);
    const refreshed = await signInAgain(fay);
    const here = await messageIn(mine.id);
    const there = await messageIn(other.id);
    await t.as(refreshed).post(`/api/messages/${there.id}/hide`, { reason: 'Spam' }).expect(200);
    await t.as(refreshed).post(`/api/messages/${here.id}/hide`, { reason: 'Spam' }).expect(403);
    await t
      .as(admin)
      .patch(`/api/people/${fay.user.id}/roles`, { roles: [], moderatedRoomIds: ['0'.repeat(24)] })
      .expect(400);
    await t
      .as(admin)
      .patch(`/api/people/${fay.user.id}/roles`, { roles: [], moderatedRoomIds: [] })
      .expect(200);
    const changes = (await t.as(admin).get(`/api/people/${fay.user.id}/role-changes`).expect(200)).body;
    expect(changes.map((change: { toRoomIds: string[] }) => change.toRoomIds)).toEqual([[], [other.id]]);
    await t.as(refreshed).post(`/api/messages/${here.id}/hide`, { reason: 'Spam' }).expect(403);
  });
});
