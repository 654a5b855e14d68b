import type { Room, Thread } from '@helix/contract';
import { join, send } from './support/live';
import { startTestApp, type TestApp, type TestUser } from './support/test-app';

describe('threads: one per double click, renamed and deleted by those who may', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let moderator: TestUser;
  let room: Room;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000', SOCKET_SEND_LIMIT: '1000:1000' } });
    ann = await t.register({ displayName: 'Ann' });
    bob = await t.register({ displayName: 'Bob' });
    moderator = await t.moderator();
    [room] = await t.rooms(ann);
  });

  afterAll(() => t?.close());

  const threads = async (): Promise<Thread[]> =>
    (await t.as(ann).get(`/api/rooms/${room.id}/threads`).expect(200)).body as Thread[];

  it('creates one thread however often the same clientId is sent, even at once', async () => {
    const body = { title: 'Double-clicked', clientId: 'create-once' };
    const answers = await Promise.all(
      [1, 2, 3].map(() => t.as(ann).post(`/api/rooms/${room.id}/threads`, body)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((answer) => (answer.body as Thread).id)).size).toBe(1);
    expect((await threads()).filter((thread) => thread.title === 'Double-clicked')).toHaveLength(1);
    // Another person's same key is another thread.
    await t.as(bob).post(`/api/rooms/${room.id}/threads`, body).expect(201);
    expect((await threads()).filter((thread) => thread.title === 'Double-clicked')).toHaveLength(2);
  });

  it('lets the author and moderators rename a thread, and only moderators flag it', async () => {
    const thread = (
      await t.as(ann).post(`/api/rooms/${room.id}/threads`, { title: 'Typo in titel' }).expect(201)
    ).body as Thread;
    const path = `/api/rooms/${room.id}/threads/${thread.id}`;
    await t.as(bob).patch(path, { title: 'Hijacked' }).expect(403);
    await t.as(ann).patch(path, { pinned: true }).expect(403);
    expect((await t.as(ann).patch(path, { title: 'Typo in title' }).expect(200)).body.title).toBe(
      'Typo in title',
    );
    expect((await t.as(moderator).patch(path, { title: 'Labs on Saturdays' }).expect(200)).body.title).toBe(
      'Labs on Saturdays',
    );
    const log = (await t.as(moderator).get(`/api/rooms/${room.id}/moderation-log`).expect(200))
      .body as Array<{
      action: string;
      detail: string;
    }>;
    expect(log[0]).toMatchObject({ action: 'thread.renamed', detail: 'Typo in title' });
  });

  it('lets its author delete a thread nobody else wrote in, and a moderator any thread', async () => {
    const mine = (await t.as(ann).post(`/api/rooms/${room.id}/threads`, { title: 'Mine alone' }).expect(201))
      .body as Thread;
    const shared = (await t.as(ann).post(`/api/rooms/${room.id}/threads`, { title: 'Shared' }).expect(201))
      .body as Thread;
    const socket = await t.connect(bob.accessToken);
    await join(socket, room.id);
    await send(socket, { roomId: room.id, threadId: shared.id, text: 'Bob was here', clientId: 'bob-1' });

    await t.as(bob).delete(`/api/rooms/${room.id}/threads/${mine.id}`).expect(403);
    await t.as(ann).delete(`/api/rooms/${room.id}/threads/${shared.id}`).expect(409);
    await t.as(ann).delete(`/api/rooms/${room.id}/threads/${mine.id}`).expect(204);
    await t.as(moderator).delete(`/api/rooms/${room.id}/threads/${shared.id}`).expect(204);
    const listed = (await threads()).map((thread) => thread.id);
    expect(listed).not.toContain(mine.id);
    expect(listed).not.toContain(shared.id);
    await t.as(ann).delete(`/api/rooms/${room.id}/threads/${mine.id}`).expect(404);
    await t
      .as(bob)
      .post(`/api/rooms/${room.id}/messages`, { threadId: shared.id, text: 'Too late', clientId: 'late' })
      .expect(404);
    expect(
      (await t.as(bob).get(`/api/rooms/${room.id}/messages?threadId=${shared.id}`).expect(200)).body.items,
    ).toEqual([]);
  });
});
