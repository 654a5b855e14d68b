import type { Message, MessagePage, Room, Thread } from '@helix/contract';
import { bearer, startTestApp, uniqueDbName, type TestApp, type TestUser } from './support/test-app';

describe('rooms, threads and messages over REST', () => {
  let t: TestApp;
  let ann: TestUser;
  let rooms: Room[];

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    ann = await t.register({ displayName: 'Ann' });
    rooms = await t.rooms(ann);
  });
  afterAll(() => t.close());

  const createThread = async (roomId: string, title = 'Campus as a magnet'): Promise<Thread> =>
    (
      await t
        .http()
        .post(`/api/rooms/${roomId}/threads`)
        .set(...bearer(ann.accessToken))
        .send({ title })
        .expect(201)
    ).body;

  const post = (roomId: string, body: object, user = ann) =>
    t
      .http()
      .post(`/api/rooms/${roomId}/messages`)
      .set(...bearer(user.accessToken))
      .send(body);

  it('has the forum rooms: 3 tracks with key questions, then 6 clusters', () => {
    expect(rooms).toHaveLength(9);
    expect(rooms.slice(0, 3).every((room) => room.kind === 'track' && room.keyQuestions.length >= 3)).toBe(
      true,
    );
    expect(rooms.slice(3).every((room) => room.kind === 'cluster' && Array.isArray(room.keyQuestions))).toBe(
      true,
    );
    expect(rooms[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      slug: 'university-and-the-economy-of-the-city-region',
      kind: 'track',
      title: 'University and the economy of the city/region',
      description: expect.stringContaining('Track one'),
      keyQuestions: expect.arrayContaining([
        'How to create a consensus space to develop and implement joint initiatives?',
      ]),
    });
  });

  it('needs a signed-in user', async () => {
    await t.http().get('/api/rooms').expect(401);
  });

  it('seeds the rooms once even when Helix starts twice on the same database', async () => {
    const dbName = uniqueDbName();
    const [first, second] = await Promise.all([startTestApp({ dbName }), startTestApp({ dbName })]);
    const third = await startTestApp({ dbName });
    try {
      const user = await third.register();
      const seen = (
        await third
          .http()
          .get('/api/rooms')
          .set(...bearer(user.accessToken))
          .expect(200)
      ).body as Room[];
      expect(seen).toHaveLength(9);
      expect(new Set(seen.map((room) => room.slug)).size).toBe(9);
    } finally {
      await Promise.all([first.close(), second.close(), third.close()]);
    }
  });

  it('creates and lists threads, and answers unknown or malformed ids', async () => {
    const room = rooms[1];
    const thread = await createThread(room.id, '  Experimental campus  ');
    expect(thread).toMatchObject({
      roomId: room.id,
      title: 'Experimental campus',
      pinned: false,
      locked: false,
      messageCount: 0,
    });
    expect(thread.createdBy).toEqual({
      id: ann.user.id,
      displayName: 'Ann',
      organization: ann.user.organization,
      stakeholderGroup: 'university',
    });
    const list = (
      await t
        .http()
        .get(`/api/rooms/${room.id}/threads`)
        .set(...bearer(ann.accessToken))
        .expect(200)
    ).body as Thread[];
    expect(list.map((item) => item.id)).toContain(thread.id);

    await t
      .http()
      .get(`/api/rooms/${'0'.repeat(24)}/threads`)
      .set(...bearer(ann.accessToken))
      .expect(404);
    await t
      .http()
      .get('/api/rooms/nope/threads')
      .set(...bearer(ann.accessToken))
      .expect(400);
    await t
      .http()
      .post(`/api/rooms/${room.id}/threads`)
      .set(...bearer(ann.accessToken))
      .send({ title: '   ' })
      .expect(400);
    await t
      .http()
      .post(`/api/rooms/${room.id}/threads`)
      .set(...bearer(ann.accessToken))
      .send({ title: 'x'.repeat(201) })
      .expect(400);
  });

  it('posts a message once per clientId', async () => {
    const room = rooms[2];
    const thread = await createThread(room.id);
    const first = await post(room.id, { threadId: thread.id, text: 'Hello forum', clientId: 'c-1' }).expect(
      201,
    );
    const again = await post(room.id, { threadId: thread.id, text: 'Hello forum', clientId: 'c-1' }).expect(
      200,
    );
    expect(again.body).toEqual(first.body);
    const message = first.body as Message;
    expect(message).toMatchObject({
      roomId: room.id,
      threadId: thread.id,
      clientId: 'c-1',
      text: 'Hello forum',
      replyTo: null,
      reactions: {},
      editedAt: null,
      deleted: false,
      author: { id: ann.user.id, displayName: 'Ann' },
    });
    const page = (
      await t
        .http()
        .get(`/api/rooms/${room.id}/messages?threadId=${thread.id}`)
        .set(...bearer(ann.accessToken))
        .expect(200)
    ).body as MessagePage;
    expect(page.items).toHaveLength(1);
    const threads = (
      await t
        .http()
        .get(`/api/rooms/${room.id}/threads`)
        .set(...bearer(ann.accessToken))
        .expect(200)
    ).body as Thread[];
    expect(threads.find((item) => item.id === thread.id)).toMatchObject({
      messageCount: 1,
      lastActivityAt: message.createdAt,
    });
  });

  it.each([
    ['text as an operator object', { text: { $ne: '' } }],
    ['empty text', { text: '   ' }],
    ['text over 4000 characters', { text: 'x'.repeat(4001) }],
    ['a clientId with odd characters', { clientId: 'a b' }],
    ['a malformed threadId', { threadId: { $gt: '' } }],
    ['an unknown field', { html: '<b>' }],
  ])('refuses %s with 400', async (_case, patch) => {
    const room = rooms[3];
    const thread = await createThread(room.id);
    await post(room.id, { threadId: thread.id, text: 'ok', clientId: `bad-${Date.now()}`, ...patch }).expect(
      400,
    );
    const page = (
      await t
        .http()
        .get(`/api/rooms/${room.id}/messages?threadId=${thread.id}`)
        .set(...bearer(ann.accessToken))
        .expect(200)
    ).body as MessagePage;
    expect(page.items).toHaveLength(0);
  });

  it('refuses a reply to a message of another thread, and a thread of another room', async () => {
    const room = rooms[4];
    const [a, b] = [await createThread(room.id, 'A'), await createThread(room.id, 'B')];
    const inA = (await post(room.id, { threadId: a.id, text: 'in A', clientId: 'r-1' }).expect(201))
      .body as Message;
    await post(room.id, { threadId: b.id, text: 'reply', clientId: 'r-2', replyTo: inA.id }).expect(400);
    const reply = (
      await post(room.id, { threadId: a.id, text: 'reply', clientId: 'r-3', replyTo: inA.id }).expect(201)
    ).body as Message;
    expect(reply.replyTo).toBe(inA.id);
    await post(rooms[5].id, { threadId: a.id, text: 'wrong room', clientId: 'r-4' }).expect(404);
  });

  it('pages history with beforeSeq, newest page first, each page ascending', async () => {
    const room = rooms[5];
    const thread = await createThread(room.id);
    for (let i = 1; i <= 7; i++)
      await post(room.id, { threadId: thread.id, text: `m${i}`, clientId: `p-${i}` }).expect(201);
    const get = (query: string) =>
      t
        .http()
        .get(`/api/rooms/${room.id}/messages?threadId=${thread.id}&${query}`)
        .set(...bearer(ann.accessToken));
    const newest = (await get('limit=3').expect(200)).body as MessagePage;
    expect(newest.items.map((m) => m.text)).toEqual(['m5', 'm6', 'm7']);
    expect(newest.hasMore).toBe(true);
    const older = (await get(`limit=3&beforeSeq=${newest.items[0].seq}`).expect(200)).body as MessagePage;
    expect(older.items.map((m) => m.text)).toEqual(['m2', 'm3', 'm4']);
    const oldest = (await get(`limit=3&beforeSeq=${older.items[0].seq}`).expect(200)).body as MessagePage;
    expect(oldest).toEqual({ items: [expect.objectContaining({ text: 'm1' })], hasMore: false });
    await get('limit=101').expect(400);
    await get('limit=0').expect(400);
    await get('beforeSeq=abc').expect(400);
    await get('beforeSeq[$gt]=1').expect(400);
    await get('sort=desc').expect(400);
  });

  it('gives 200 concurrent posts to one room consecutive seqs, no gap, no duplicate', async () => {
    const room = rooms[6];
    const thread = await createThread(room.id);
    const writers = await Promise.all(Array.from({ length: 10 }, () => 0).map(() => t.register()));
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        post(room.id, { threadId: thread.id, text: `burst ${i}`, clientId: `burst-${i}` }, writers[i % 10]),
      ),
    );
    expect(responses.every((response) => response.status === 201)).toBe(true);
    const seqs = responses.map((response) => (response.body as Message).seq).sort((a, b) => a - b);
    const first = seqs[0];
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => first + i));
    // The thread.created event took the seq just before.
    expect(first).toBe(2);
  });

  it('lets moderators pin and lock; a locked thread refuses messages with 409', async () => {
    const room = rooms[7];
    const thread = await createThread(room.id);
    const moderator = await t.moderator();
    const patch = (user: TestUser, body: object) =>
      t
        .http()
        .patch(`/api/rooms/${room.id}/threads/${thread.id}`)
        .set(...bearer(user.accessToken))
        .send(body);
    await patch(ann, { locked: true }).expect(403);
    await patch(moderator, {}).expect(400);
    expect((await patch(moderator, { pinned: true, locked: true }).expect(200)).body).toMatchObject({
      pinned: true,
      locked: true,
    });
    await post(room.id, { threadId: thread.id, text: 'too late', clientId: 'l-1' }).expect(409);
    await patch(moderator, { locked: false }).expect(200);
    await post(room.id, { threadId: thread.id, text: 'open again', clientId: 'l-2' }).expect(201);
  });

  it('answers 413 to an oversized body and 400 to broken JSON', async () => {
    const room = rooms[8];
    await t
      .http()
      .post(`/api/rooms/${room.id}/threads`)
      .set(...bearer(ann.accessToken))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ title: 'x'.repeat(200_000) }))
      .expect(413);
    await t
      .http()
      .post(`/api/rooms/${room.id}/threads`)
      .set(...bearer(ann.accessToken))
      .set('Content-Type', 'application/json')
      .send('{"title":')
      .expect(400);
  });
});
