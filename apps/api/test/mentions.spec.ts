import {
  mentionToken,
  UNREAD_COUNT_MAX,
  type Mention,
  type MentionNotice,
  type MentionPage,
  type Mentionable,
  type Message,
  type Room,
  type RoomActivity,
  type Thread,
  type UnreadSummary,
} from '@helix/contract';
import { emitWithAck } from './support/test-app';
import { join, send } from './support/live';
import { startTestApp, type TestApp, type TestSocket, type TestUser } from './support/test-app';

describe('mentions: tokens checked on send and edit, listed per person, counted unread per room', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let vera: TestUser;
  let room: Room;
  let thread: Thread;
  let annSocket: TestSocket;
  let bobSocket: TestSocket;
  const notices: MentionNotice[] = [];
  const activity: RoomActivity[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { SOCKET_SEND_LIMIT: '1000:1000', RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    ann = await t.register({ displayName: 'Ann Lee' });
    bob = await t.register({ displayName: 'Bob Stone' });
    vera = await t.register({ displayName: 'Вера Ёлкина' });
    [room] = await t.rooms(ann);
    thread = (await t.as(ann).post(`/api/rooms/${room.id}/threads`, { title: 'Mentions' }).expect(201))
      .body as Thread;
    annSocket = await t.connect(ann.accessToken);
    bobSocket = await t.connect(bob.accessToken);
    annSocket.on('mention', (notice) => notices.push(notice));
    annSocket.on('rooms:activity', (payload) => activity.push(payload));
    await join(bobSocket, room.id);
    // Vera wrote in the room once, then left: she can still be mentioned.
    await t
      .as(vera)
      .post(`/api/rooms/${room.id}/messages`, { threadId: thread.id, text: 'Здравствуйте', clientId: 'v-1' })
      .expect(201);
  });

  afterAll(async () => {
    annSocket?.close();
    bobSocket?.close();
    await t?.close();
  });

  const post = async (user: TestUser, text: string, clientId: string): Promise<Message> =>
    (
      await t
        .as(user)
        .post(`/api/rooms/${room.id}/messages`, { threadId: thread.id, text, clientId })
        .expect(201)
    ).body as Message;
  const unread = async (user: TestUser) =>
    ((await t.as(user).get('/api/me/unread').expect(200)).body as UnreadSummary).rooms.find(
      (entry) => entry.roomId === room.id,
    );

  it('offers the people of the room, matched by the start of any name, Cyrillic and ё included', async () => {
    await join(annSocket, room.id);
    const byBob = (q: string) =>
      t
        .as(bob)
        .get(`/api/rooms/${room.id}/mentionable?q=${encodeURIComponent(q)}`)
        .expect(200);
    expect(((await byBob('ann')).body as Mentionable).items.map((p) => p.id)).toEqual([ann.user.id]);
    expect(((await byBob('lee')).body as Mentionable).items.map((p) => p.id)).toEqual([ann.user.id]);
    expect(((await byBob('елк')).body as Mentionable).items.map((p) => p.id)).toEqual([vera.user.id]);
    // Nobody is offered themselves, and someone who never came does not exist here.
    expect(((await byBob('bob')).body as Mentionable).items).toEqual([]);
    await t
      .as(bob)
      .get(`/api/rooms/${'f'.repeat(24)}/mentionable?q=a`)
      .expect(404);
    await t
      .as(bob)
      .get(`/api/rooms/${room.id}/mentionable?q=${'a'.repeat(101)}`)
      .expect(400);
  });

  it('keeps tokens of people of the room and turns unknown ones back into plain text', async () => {
    const stranger = 'a'.repeat(24);
    const text = `Hi ${mentionToken('Ann Lee', ann.user.id)} and ${mentionToken('Вера', vera.user.id)}, ${mentionToken('Ghost', stranger)}`;
    const message = await post(bob, text, 'b-1');
    expect(message.mentions.sort()).toEqual([ann.user.id, vera.user.id].sort());
    expect(message.text).toBe(
      `Hi ${mentionToken('Ann Lee', ann.user.id)} and ${mentionToken('Вера', vera.user.id)}, @Ghost`,
    );
    await new Promise((done) => setTimeout(done, 200));
    expect(notices.map((notice) => notice.id)).toEqual([message.id]);
    expect(notices[0]).toMatchObject({ unread: true, threadTitle: 'Mentions' });
    expect(notices[0].link).toBe(`/rooms/${room.id}/threads/${thread.id}?message=${message.id}`);
  });

  it('lists mentions newest first, pages them, and follows edits and deletes', async () => {
    const second = await post(bob, `${mentionToken('Ann Lee', ann.user.id)} again`, 'b-2');
    const third = await post(bob, `${mentionToken('Ann Lee', ann.user.id)} and again`, 'b-3');
    const first = await t.as(ann).get('/api/me/mentions?limit=2').expect(200);
    const page = first.body as MentionPage;
    expect(page.items.map((item) => item.id)).toEqual([third.id, second.id]);
    expect(page.hasMore).toBe(true);
    const next = (await t.as(ann).get(`/api/me/mentions?limit=2&before=${second.id}`).expect(200))
      .body as MentionPage;
    expect(next.items).toHaveLength(1);
    expect(next.hasMore).toBe(false);

    // An edit that takes the mention out takes the message off the list; editing it back brings it again.
    const edit = (text: string) =>
      emitWithAck<{ message: Message }>(bobSocket, 'message:edit', { messageId: second.id, text });
    expect((await edit('no mention now')).message?.mentions).toEqual([]);
    const ids = async () =>
      ((await t.as(ann).get('/api/me/mentions').expect(200)).body as MentionPage).items.map(
        (m: Mention) => m.id,
      );
    expect(await ids()).not.toContain(second.id);
    await edit(`${mentionToken('Ann', ann.user.id)} back`);
    expect(await ids()).toContain(second.id);
    await emitWithAck(bobSocket, 'message:delete', { messageId: third.id });
    expect(await ids()).not.toContain(third.id);

    await t.as(ann).get('/api/me/mentions?limit=51').expect(400);
    await t.as(ann).get('/api/me/mentions?before=nope').expect(400);
    await t.http().get('/api/me/mentions').expect(401);
  });

  it('counts unread messages by others and mentions per room until the room is read', async () => {
    const before = await unread(ann);
    expect(before).toMatchObject({ mentions: 2 });
    expect(before?.unread).toBeGreaterThanOrEqual(3);
    // Ann's own messages are never unread to her.
    const own = await post(ann, 'my own words', 'a-1');
    expect((await unread(ann))?.unread).toBe(before?.unread);

    const read = await t.as(ann).put(`/api/rooms/${room.id}/read`, { seq: own.seq }).expect(200);
    expect(read.body).toEqual({ roomId: room.id, unread: 0, mentions: 0 });
    const mentions = (await t.as(ann).get('/api/me/mentions').expect(200)).body as MentionPage;
    expect(mentions.items.every((item) => !item.unread)).toBe(true);
    // A mark never moves back, and never past the room's newest event.
    await t.as(ann).put(`/api/rooms/${room.id}/read`, { seq: 1 }).expect(200);
    expect(await unread(ann)).toMatchObject({ unread: 0, mentions: 0 });
    await t
      .as(ann)
      .put(`/api/rooms/${room.id}/read`, { seq: 10 ** 9 })
      .expect(200);
    await post(bob, 'one more', 'b-4');
    expect(await unread(ann)).toMatchObject({ unread: 1, mentions: 0 });

    await t.as(ann).put(`/api/rooms/${room.id}/read`, { seq: -1 }).expect(400);
    await t.as(ann).put(`/api/rooms/${room.id}/read`, { seq: 1, extra: true }).expect(400);
    await t
      .as(ann)
      .put(`/api/rooms/${'f'.repeat(24)}/read`, { seq: 1 })
      .expect(404);
  });

  it('stops counting at the badge limit', async () => {
    for (let n = 0; n < UNREAD_COUNT_MAX + 5; n += 1)
      await send(bobSocket, {
        roomId: room.id,
        threadId: thread.id,
        text: `burst ${n}`,
        clientId: `burst-${n}`,
      });
    expect((await unread(ann))?.unread).toBe(UNREAD_COUNT_MAX);
  });

  it('tells sockets watching the rooms page of new messages, and only them', async () => {
    activity.length = 0;
    await post(bob, 'not watched', 'b-5');
    await new Promise((done) => setTimeout(done, 200));
    expect(activity).toEqual([]);
    expect(await emitWithAck(annSocket, 'rooms:watch', { watching: true })).toEqual({ ok: true });
    const message = await post(bob, 'watched', 'b-6');
    await new Promise((done) => setTimeout(done, 200));
    expect(activity).toEqual([{ roomId: room.id, seq: message.seq, authorId: bob.user.id }]);
    expect((await emitWithAck(annSocket, 'rooms:watch', { watching: 'yes' })).ok).toBe(false);
  });

  it('keeps read marks over a restart', async () => {
    const { dbName } = t;
    const before = await unread(ann);
    annSocket.close();
    bobSocket.close();
    await t.close();
    t = await startTestApp({ dbName });
    expect(await unread(ann)).toEqual(before);
  });
});
