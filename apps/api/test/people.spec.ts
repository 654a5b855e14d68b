import type { AuthResponse, PeoplePage, Person, PersonSession, RoleChange } from '@helix/contract';
import request from 'supertest';
import { ADMIN_EMAIL, startTestApp, type TestApp, type TestUser } from './support/test-app';

describe('the people directory: search, roles with their log, sessions', () => {
  let t: TestApp;
  let admin: TestUser;
  let moderator: TestUser;
  let ann: TestUser;
  let boris: TestUser;
  let galina: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    // t.moderator registers the admin (ADMIN_EMAIL, the default password) to grant the role.
    moderator = await t.moderator({ displayName: 'Mona Moderator' });
    const password = moderator.password;
    const signedIn = await t
      .http()
      .post('/api/auth/login')
      .send({ email: ADMIN_EMAIL, password })
      .expect(200);
    admin = { ...(signedIn.body as AuthResponse), password };
    ann = await t.register({ displayName: 'Ann Lee', organization: 'Tomsk State University' });
    boris = await t.register({
      displayName: 'Борис Ёлкин',
      organization: 'Сибирь Банк',
      stakeholderGroup: 'business',
    });
    galina = await t.register({
      displayName: 'Galina',
      organization: 'City Hall',
      stakeholderGroup: 'government',
    });
  });

  afterAll(() => t?.close());

  const search = async (user: TestUser, query: string): Promise<PeoplePage> =>
    (await t.as(user).get(`/api/people?${query}`).expect(200)).body as PeoplePage;

  it('finds people by name, organization, group and role', async () => {
    expect((await search(moderator, 'q=ann%20lee')).items.map((p) => p.id)).toEqual([ann.user.id]);
    // ё and е are one letter to a searcher, and case does not matter.
    expect((await search(moderator, `q=${encodeURIComponent('елкин')}`)).items.map((p) => p.id)).toEqual([
      boris.user.id,
    ]);
    expect((await search(moderator, 'group=government')).items.map((p) => p.id)).toEqual([galina.user.id]);
    expect((await search(moderator, `organization=${encodeURIComponent('сибирь')}`)).total).toBe(1);
    const moderators = await search(admin, 'role=moderator');
    expect(moderators.items.map((p) => p.displayName)).toEqual(['Mona Moderator']);
    const page = await search(admin, 'limit=2&offset=1');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(5);
  });

  it('is closed to participants, and bad queries are 400', async () => {
    await t.as(ann).get('/api/people').expect(403);
    await t.http().get('/api/people').expect(401);
    await t.as(admin).get('/api/people?group=aliens').expect(400);
    await t.as(admin).get('/api/people?limit=1000').expect(400);
  });

  it('changes roles (admins only) and logs who changed what', async () => {
    await t
      .as(moderator)
      .patch(`/api/people/${ann.user.id}/roles`, { roles: ['moderator'] })
      .expect(403);
    const person = (
      await t
        .as(admin)
        .patch(`/api/people/${ann.user.id}/roles`, { roles: ['moderator'] })
        .expect(200)
    ).body as Person;
    expect(person.roles).toEqual(['participant', 'moderator']);
    expect((await search(moderator, 'role=moderator')).total).toBe(2);
    const log = (await t.as(moderator).get(`/api/people/${ann.user.id}/role-changes`).expect(200))
      .body as RoleChange[];
    expect(log).toEqual([
      expect.objectContaining({
        by: { id: admin.user.id, displayName: 'Admin' },
        from: ['participant'],
        to: ['participant', 'moderator'],
      }),
    ]);
    // Signing in again carries the new role.
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: ann.user.email, password: ann.password })
      .expect(200);
    expect((login.body as AuthResponse).user.roles).toContain('moderator');
  });

  it('shows a person’s sessions and ends one, or all of them', async () => {
    const phone = (
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: galina.user.email, password: galina.password })
        .expect(200)
    ).body as AuthResponse;
    const sessions = (await t.as(admin).get(`/api/people/${galina.user.id}/sessions`).expect(200))
      .body as PersonSession[];
    expect(sessions).toHaveLength(2);
    await t.as(moderator).get(`/api/people/${galina.user.id}/sessions`).expect(403);

    await t.as(admin).delete(`/api/people/${galina.user.id}/sessions/${sessions[0].id}`).expect(204);
    await request(t.url).post('/api/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(401);
    await t.as(admin).delete(`/api/people/${ann.user.id}/sessions/${sessions[1].id}`).expect(404);

    await t.as(admin).delete(`/api/people/${galina.user.id}/sessions`).expect(204);
    await request(t.url).post('/api/auth/refresh').send({ refreshToken: galina.refreshToken }).expect(401);
    expect((await t.as(admin).get(`/api/people/${galina.user.id}/sessions`).expect(200)).body).toEqual([]);
  });

  it('keeps the directory across a restart: it is loaded at boot', async () => {
    const { dbName } = t;
    await t.close();
    t = await startTestApp({ dbName });
    const relogin = await t
      .http()
      .post('/api/auth/login')
      .send({ email: ADMIN_EMAIL, password: admin.password })
      .expect(200);
    admin = { ...(relogin.body as AuthResponse), password: admin.password };
    expect((await search(admin, 'role=moderator')).total).toBe(2);
    expect((await t.as(admin).get(`/api/people/${ann.user.id}/role-changes`).expect(200)).body).toHaveLength(
      1,
    );
  });
});
