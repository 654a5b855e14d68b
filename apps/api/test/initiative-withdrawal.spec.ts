import type {
  AuthResponse,
  Forum,
  ForumStats,
  Initiative,
  ModerationEntry,
  Room,
  SearchResults,
} from '@helix/contract';
import { Inbox, join } from './support/live';
import { ADMIN_EMAIL, startTestApp, type TestApp, type TestUser } from './support/test-app';

/** Withdrawing a draft: who may, until when, and what everyone else sees of it afterwards. */
describe('withdrawing a draft initiative', () => {
  let t: TestApp;
  let proposer: TestUser;
  let other: TestUser;
  let admin: TestUser;
  let moderator: TestUser;
  let room: Room;
  let otherRoom: Room;
  let forum: Forum;

  const signInAgain = async (user: TestUser): Promise<TestUser> => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.user.email, password: user.password })
      .expect(200);
    return { ...(login.body as AuthResponse), password: user.password };
  };
  const propose = async (body: object = {}): Promise<Initiative> =>
    (
      await t
        .as(proposer)
        .post('/api/initiatives', {
          title: 'Joint campus lab',
          summary: 'A shared lab on campus for city problems.',
          roomId: room.id,
          ...body,
        })
        .expect(201)
    ).body as Initiative;
  const withdraw = (user: TestUser, id: string) => t.as(user).post(`/api/initiatives/${id}/withdraw`);
  const listed = async (user: TestUser, query = ''): Promise<string[]> =>
    ((await t.as(user).get(`/api/initiatives${query}`).expect(200)).body as Initiative[]).map(
      (initiative) => initiative.id,
    );

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    moderator = await t.moderator({ displayName: 'Chair' });
    // t.moderator() registered the admin (ADMIN_EMAIL, the default password); sign in to get its token.
    const password = 'correct horse battery';
    const login = await t.http().post('/api/auth/login').send({ email: ADMIN_EMAIL, password }).expect(200);
    admin = { ...(login.body as AuthResponse), password };
    proposer = await t.register({ displayName: 'Irina', organization: 'Tomsk State University' });
    other = await t.register({
      displayName: 'Oleg',
      organization: 'Sibur Digital',
      stakeholderGroup: 'business',
    });
    [room, otherRoom] = await t.rooms(proposer);
    [forum] = (await t.as(admin).get('/api/forums').expect(200)).body as Forum[];
  });
  afterAll(() => t.close());

  it('lets the proposer withdraw a draft: gone from every list, told to the room live, kept on record', async () => {
    const watcher = new Inbox(await t.connect(other.accessToken));
    await join(watcher.socket, room.id);
    const stats = async () =>
      ((await t.as(admin).get(`/api/forums/${forum.id}/stats`).expect(200)).body as ForumStats).initiatives;
    const before = await stats();
    const draft = await propose({ clientId: 'lab-draft' });
    expect(await listed(other)).toContain(draft.id);
    expect(await listed(other, `?roomId=${room.id}`)).toContain(draft.id);

    const refused = await withdraw(other, draft.id).set('Accept-Language', 'ru').expect(403);
    expect(refused.body.message).toBe(
      'Отозвать черновик может только автор, модератор комнаты инициативы или организатор',
    );
    await withdraw(other, '0'.repeat(24)).expect(404);
    expect(await listed(other)).toContain(draft.id);

    const withdrawn = (await withdraw(proposer, draft.id).expect(200)).body as Initiative;
    expect(withdrawn).toMatchObject({
      id: draft.id,
      status: 'withdrawn',
      withdrawnBy: { id: proposer.user.id, displayName: 'Irina' },
    });
    expect(withdrawn.withdrawnAt).toEqual(expect.any(String));

    // Another participant's socket in the room hears it, as it hears every initiative change.
    await watcher.waitFor(() =>
      watcher.events.some(
        (event) =>
          event.type === 'initiative.updated' &&
          (event.payload as Initiative).id === draft.id &&
          (event.payload as Initiative).status === 'withdrawn',
      ),
    );
    for (const query of ['', `?roomId=${room.id}`, '?status=draft'])
      expect(await listed(other, query)).not.toContain(draft.id);
    await t.as(other).get('/api/initiatives?status=withdrawn').expect(400);
    expect(await stats()).toEqual(before);

    // Its page says so; it cannot be edited, opened or shown any more.
    expect((await t.as(other).get(`/api/initiatives/${draft.id}`).expect(200)).body).toMatchObject({
      status: 'withdrawn',
    });
    await t.as(proposer).patch(`/api/initiatives/${draft.id}`, { title: 'Back again' }).expect(409);
    await t.as(proposer).post(`/api/initiatives/${draft.id}/voting/open`, {}).expect(409);
    await t
      .as(moderator)
      .patch(`/api/rooms/${room.id}/settings`, { projector: { kind: 'initiative', targetId: draft.id } })
      .expect(409);

    // Twice is harmless: the same answer, and the room hears nothing more.
    const events = watcher.events.length;
    expect((await withdraw(proposer, draft.id).expect(200)).body).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: withdrawn.withdrawnAt,
    });
    // The create retried with its clientId answers the withdrawn draft; it does not make it again.
    const retried = await t
      .as(proposer)
      .post('/api/initiatives', {
        title: 'Joint campus lab',
        summary: 'A shared lab on campus for city problems.',
        roomId: room.id,
        clientId: 'lab-draft',
      })
      .expect(200);
    expect(retried.body).toMatchObject({ id: draft.id, status: 'withdrawn' });
    await new Promise((done) => setTimeout(done, 200));
    expect(watcher.events.length).toBe(events);

    // The room's moderation log names who withdrew it, and what.
    const log = (await t.as(moderator).get(`/api/rooms/${room.id}/moderation-log`).expect(200))
      .body as ModerationEntry[];
    expect(log.filter((entry) => entry.subjectId === draft.id)).toEqual([
      expect.objectContaining({
        action: 'initiative.withdrawn',
        moderator: expect.objectContaining({ id: proposer.user.id }),
        detail: 'Joint campus lab',
      }),
    ]);
  });

  it('refuses once voting has opened (409), whoever asks', async () => {
    const draft = await propose();
    await t.as(proposer).post(`/api/initiatives/${draft.id}/voting/open`, {}).expect(200);
    const refused = await withdraw(proposer, draft.id).expect(409);
    expect(refused.body.message).toBe('Only a draft can be withdrawn; the initiative is voting');
    await withdraw(moderator, draft.id).expect(409);
    await withdraw(other, draft.id).expect(403);
    expect(await listed(other, '?status=voting')).toContain(draft.id);
  });

  it('lets a moderator of its room and an organizer of its forum withdraw it, not a moderator of another room', async () => {
    const named = async (roomIds: string[]): Promise<TestUser> => {
      const person = await t.register();
      await t
        .as(admin)
        .patch(`/api/people/${person.user.id}/roles`, { roles: [], moderatedRoomIds: roomIds })
        .expect(200);
      return signInAgain(person);
    };
    const elsewhere = await named([otherRoom.id]);
    const here = await named([room.id]);
    const first = await propose();
    await withdraw(elsewhere, first.id).expect(403);
    expect((await withdraw(here, first.id).expect(200)).body).toMatchObject({
      status: 'withdrawn',
      withdrawnBy: { id: here.user.id },
    });

    // One of the whole forum is moderated forum-wide: a room moderator has no say in it.
    const forumWide = await propose({ roomId: null });
    await withdraw(here, forumWide.id).expect(403);
    await withdraw(moderator, forumWide.id).expect(200);

    const organizer = await t.register({ displayName: 'Olga' });
    const second = await propose({ roomId: null });
    await withdraw(organizer, second.id).expect(403);
    await t.as(admin).put(`/api/forums/${forum.id}/organizers`, { email: organizer.user.email }).expect(200);
    await withdraw(organizer, second.id).expect(200);
    const board = await listed(proposer);
    for (const id of [first.id, forumWide.id, second.id]) expect(board).not.toContain(id);
  });

  it('keeps a withdrawn draft out of search, where an initiative put to the vote is found', async () => {
    const withdrawn = await propose({ title: 'Hydrogen bus depot' });
    await withdraw(proposer, withdrawn.id).expect(200);
    const voting = await propose({ title: 'Hydrogen bus depot, the second one' });
    await t.as(proposer).post(`/api/initiatives/${voting.id}/voting/open`, {}).expect(200);
    const results = (await t.as(other).get(`/api/forums/${forum.id}/search?q=hydrogen`).expect(200))
      .body as SearchResults;
    const found = results.hits.filter((hit) => hit.kind === 'initiative').map((hit) => hit.id);
    expect(found).toContain(voting.id);
    expect(found).not.toContain(withdrawn.id);
  });
});
