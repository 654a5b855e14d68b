import { JwtService } from '@nestjs/jwt';
import type { Message, Room, RoomEvent, Thread } from '@helix/contract';
import { catchUp, Inbox, join, send } from './support/live';
import {
  bearer,
  emitWithAck,
  startTestApp,
  TEST_JWT_SECRET,
  type TestApp,
  type TestUser,
} from './support/test-app';

describe('live discussion over Socket.IO', () => {
  let t: TestApp;
  let rooms: Room[];
  let ann: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    // A generous send limit: these tests push bursts on purpose; the limit itself is tested below.
    t = await startTestApp({ env: { SOCKET_SEND_LIMIT: '1000:1000', RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    ann = await t.register({ displayName: 'Ann' });
    bob = await t.register({
      displayName: 'Bob',
      stakeholderGroup: 'business',
      organization: 'Gazprom Neft',
    });
    rooms = await t.rooms(ann);
  });
  afterAll(() => t.close());

  const newThread = async (roomId: string, user = ann): Promise<Thread> =>
    (
      await t
        .http()
        .post(`/api/rooms/${roomId}/threads`)
        .set(...bearer(user.accessToken))
        .send({ title: 'Live' })
        .expect(201)
    ).body;

  describe('handshake', () => {
    const refusal = (auth: object): Promise<Error> =>
      new Promise((resolve, reject) => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { io } = require('socket.io-client') as typeof import('socket.io-client');
        const socket = io(t.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
        socket.once('connect', () => reject(new Error('connected without a valid token')));
        socket.once('connect_error', (error) => {
          socket.close();
          resolve(error);
        });
      });

    it('refuses no token, a forged token and an expired token with a clear reason', async () => {
      expect((await refusal({})).message).toMatch(/UNAUTHORIZED: no access token/);
      expect((await refusal({ token: 'nonsense' })).message).toMatch(
        /UNAUTHORIZED: the access token is invalid/,
      );
      const forged = new JwtService({ secret: 'another-secret-another-secret-another' }).sign({
        sub: ann.user.id,
      });
      expect((await refusal({ token: forged })).message).toMatch(/invalid/);
      const claims = JSON.parse(Buffer.from(ann.accessToken.split('.')[1], 'base64url').toString());
      const expired = new JwtService({ secret: TEST_JWT_SECRET }).sign({
        ...claims,
        exp: Math.floor(Date.now() / 1000) - 10,
      });
      expect((await refusal({ token: expired })).message).toMatch(
        /UNAUTHORIZED: the access token has expired/,
      );
    });

    it('ends a socket whose token expires, and the client catches up after reconnecting with a new one', async () => {
      const room = rooms[0];
      const thread = await newThread(room.id);
      const claims = JSON.parse(Buffer.from(ann.accessToken.split('.')[1], 'base64url').toString());
      const shortLived = new JwtService({ secret: TEST_JWT_SECRET }).sign({
        ...claims,
        exp: Math.floor(Date.now() / 1000) + 2,
      });
      const socket = await t.connect(shortLived);
      const { seq } = await join(socket, room.id);
      const expired = new Promise<void>((resolve) => socket.once('session:expired', resolve));
      const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
      await Promise.all([expired, disconnected]);

      const other = await t.connect(bob.accessToken);
      await send(other, {
        roomId: room.id,
        threadId: thread.id,
        text: 'while you were away',
        clientId: 'away-1',
      });
      const again = await t.connect(ann.accessToken);
      const missed = await catchUp(again, room.id, seq);
      expect(missed.map((event) => (event.payload as Message).text)).toEqual(['while you were away']);
    });
  });

  it('shows two users each other’s messages, edits, reactions, typing and presence', async () => {
    const room = rooms[1];
    const thread = await newThread(room.id);
    const a = new Inbox(await t.connect(ann.accessToken));
    const b = new Inbox(await t.connect(bob.accessToken));
    await join(a.socket, room.id);
    const joined = await join(b.socket, room.id);
    expect(joined.presence.map((user) => user.displayName).sort()).toEqual(['Ann', 'Bob']);
    expect(joined.presenceCount).toBe(2);
    expect(joined.presenceByGroup).toEqual({ university: 1, business: 1 });
    await a.waitFor(() => a.presence.some((p) => p.users.some((user) => user.displayName === 'Bob')));

    const message = await send(b.socket, {
      roomId: room.id,
      threadId: thread.id,
      text: 'From business',
      clientId: 'b-1',
    });
    await a.waitFor(() => a.messages().some((m) => m.id === message.id));
    expect(a.messages()[0]).toMatchObject({
      text: 'From business',
      author: { displayName: 'Bob', stakeholderGroup: 'business' },
    });

    const edited = await emitWithAck<{ message: Message }>(b.socket, 'message:edit', {
      messageId: message.id,
      text: 'From business (edited)',
    });
    expect(edited.ok).toBe(true);
    await a.waitFor(() => a.events.some((e) => e.type === 'message.updated'));
    expect((a.events.find((e) => e.type === 'message.updated')?.payload as Message).editedAt).not.toBeNull();

    const forbidden = await emitWithAck(a.socket, 'message:edit', {
      messageId: message.id,
      text: 'not mine',
    });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await emitWithAck(a.socket, 'reaction:toggle', { messageId: message.id, emoji: '👍' });
    await b.waitFor(() => b.events.some((e) => e.type === 'reaction.updated'));
    expect((b.events.find((e) => e.type === 'reaction.updated')?.payload as Message).reactions).toEqual({
      '👍': [ann.user.id],
    });
    const untoggled = await emitWithAck<{ message: Message }>(a.socket, 'reaction:toggle', {
      messageId: message.id,
      emoji: '👍',
    });
    expect(untoggled.message.reactions).toEqual({ '👍': [] });

    await emitWithAck(a.socket, 'typing', { roomId: room.id, threadId: thread.id });
    await b.waitFor(() => b.typing.length > 0);
    expect(b.typing[0]).toMatchObject({ roomId: room.id, threadId: thread.id, user: { displayName: 'Ann' } });
    expect(a.typing).toHaveLength(0);

    const deleted = await emitWithAck<{ message: Message }>(b.socket, 'message:delete', {
      messageId: message.id,
    });
    expect(deleted.message).toMatchObject({ deleted: true, text: '' });
    // The log no longer holds the deleted text anywhere.
    const replay = await catchUp(a.socket, room.id, 0);
    expect(JSON.stringify(replay)).not.toContain('From business');

    await emitWithAck(b.socket, 'room:leave', { roomId: room.id });
    await a.waitFor(() => a.presence.at(-1)?.users.every((user) => user.displayName !== 'Bob') ?? false);
  });

  it('delivers a burst of 20 clients × 50 messages to every client exactly once, in one gapless order', async () => {
    const room = rooms[2];
    const thread = await newThread(room.id);
    const users = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.register({ displayName: `Sender ${i}` })),
    );
    const inboxes = await Promise.all(
      users.map(async (user) => new Inbox(await t.connect(user.accessToken))),
    );
    const startSeq = (await Promise.all(inboxes.map((inbox) => join(inbox.socket, room.id))))[0].seq;

    // One more client drops out in the middle of the burst and comes back with sinceSeq.
    const late = new Inbox(await t.connect(ann.accessToken));
    await join(late.socket, room.id);

    const acks = inboxes.map((inbox, sender) =>
      Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          send(inbox.socket, {
            roomId: room.id,
            threadId: thread.id,
            text: `s${sender} m${i}`,
            clientId: `burst-${sender}-${i}`,
          }),
        ),
      ),
    );
    await inboxes[0].waitFor(() => inboxes[0].events.length >= 200);
    late.socket.disconnect();
    const lastSeen = late.events.at(-1)?.seq ?? startSeq;
    const sent = (await Promise.all(acks)).flat();
    expect(sent).toHaveLength(1000);

    await Promise.all(inboxes.map((inbox) => inbox.waitFor(() => inbox.events.length >= 1000)));
    const expectedSeqs = Array.from({ length: 1000 }, (_, i) => startSeq + 1 + i);
    const reference = inboxes[0].events.map((event) => event.seq);
    expect(reference).toEqual(expectedSeqs);
    for (const inbox of inboxes) {
      expect(inbox.events.map((event) => event.seq)).toEqual(reference);
      expect(new Set(inbox.messages().map((m) => m.id)).size).toBe(1000);
    }
    expect(new Set(sent.map((m) => m.seq))).toEqual(new Set(expectedSeqs));

    late.socket.connect();
    await new Promise<void>((resolve) => late.socket.once('connect', () => resolve()));
    const missed = await catchUp(late.socket, room.id, lastSeen);
    const lateSeqs = [...late.events.filter((event) => event.seq <= lastSeen), ...missed].map(
      (event) => event.seq,
    );
    // Events that arrived live after the re-join are the same ones again; a client drops seqs it has.
    expect([...new Set(lateSeqs)].sort((x, y) => x - y)).toEqual(expectedSeqs);
  });

  it('pages the catch-up at 500 events with hasMore', async () => {
    const room = rooms[3];
    const thread = await newThread(room.id);
    const socket = await t.connect(ann.accessToken);
    const { seq } = await join(socket, room.id);
    await Promise.all(
      Array.from({ length: 620 }, (_, i) =>
        send(socket, { roomId: room.id, threadId: thread.id, text: `p${i}`, clientId: `page-${i}` }),
      ),
    );
    const first = await join(socket, room.id, seq);
    expect(first.missed).toHaveLength(500);
    expect(first.hasMore).toBe(true);
    const rest = await join(socket, room.id, first.missed[499].seq);
    expect(rest.missed).toHaveLength(120);
    expect(rest.hasMore).toBe(false);
    expect(rest.seq).toBe(rest.missed[119].seq);
  });

  it('stores and broadcasts a resent clientId once', async () => {
    const room = rooms[4];
    const thread = await newThread(room.id);
    const sender = await t.connect(ann.accessToken);
    const watcher = new Inbox(await t.connect(bob.accessToken));
    await join(watcher.socket, room.id);
    const body = { roomId: room.id, threadId: thread.id, text: 'only once', clientId: 'resend-1' };
    const [first, second] = await Promise.all([send(sender, body), send(sender, body)]);
    const third = await send(sender, body);
    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    await send(sender, { ...body, clientId: 'resend-2', text: 'marker' });
    await watcher.waitFor(() => watcher.messages().some((m) => m.text === 'marker'));
    expect(watcher.messages().filter((m) => m.text === 'only once')).toHaveLength(1);
  });

  it('keeps every reaction when many people react to one message at once', async () => {
    const room = rooms[8];
    const thread = await newThread(room.id);
    const author = await t.connect(ann.accessToken);
    const message = await send(author, {
      roomId: room.id,
      threadId: thread.id,
      text: 'React to me',
      clientId: 'react-1',
    });
    const people = await Promise.all(Array.from({ length: 12 }, () => t.register()));
    const sockets = await Promise.all(people.map((person) => t.connect(person.accessToken)));
    await Promise.all(
      sockets.map((socket) => emitWithAck(socket, 'reaction:toggle', { messageId: message.id, emoji: '🎉' })),
    );
    const page = (
      await t
        .http()
        .get(`/api/rooms/${room.id}/messages?threadId=${thread.id}`)
        .set(...bearer(ann.accessToken))
    ).body;
    expect([...page.items[0].reactions['🎉']].sort()).toEqual(people.map((person) => person.user.id).sort());
    // The last reaction event carries the same, complete state.
    const events = await catchUp(author, room.id, 0);
    const last = events.filter((event) => event.type === 'reaction.updated').at(-1)?.payload as Message;
    expect(last.reactions['🎉']).toHaveLength(12);
  });

  it('answers every malformed payload with an error ack and keeps the socket usable', async () => {
    const room = rooms[5];
    const thread = await newThread(room.id);
    const socket = await t.connect(ann.accessToken);
    const cases: Array<[string, unknown]> = [
      ['room:join', null],
      ['room:join', 'room'],
      ['room:join', { roomId: 'x' }],
      ['room:join', { roomId: room.id, sinceSeq: -1 }],
      ['room:join', { roomId: { $ne: null } }],
      ['room:join', { roomId: '0'.repeat(24) }],
      ['room:leave', []],
      ['message:send', { roomId: room.id, threadId: thread.id, text: '', clientId: 'e1' }],
      ['message:send', { roomId: room.id, threadId: thread.id, text: 'x'.repeat(4001), clientId: 'e2' }],
      ['message:send', { roomId: room.id, threadId: thread.id, text: { $gt: '' }, clientId: 'e3' }],
      ['message:send', { roomId: room.id, threadId: '0'.repeat(24), text: 'ok', clientId: 'e4' }],
      ['message:send', 42],
      ['message:edit', { messageId: 'nope', text: 'x' }],
      ['message:edit', { messageId: '0'.repeat(24), text: 'x' }],
      ['message:delete', { messageId: true }],
      ['reaction:toggle', { messageId: '0'.repeat(24), emoji: '<script>' }],
      ['typing', { roomId: room.id }],
      ['session:renew', { token: 'bad' }],
    ];
    for (const [event, payload] of cases) {
      const ack = await emitWithAck(socket, event, payload);
      expect({ event, payload, ok: ack.ok }).toEqual({ event, payload, ok: false });
      expect(ack.error).toEqual({
        code: expect.any(String),
        message: expect.any(String),
        retryable: expect.any(Boolean),
      });
    }
    expect(socket.connected).toBe(true);
    await join(socket, room.id);
    const message = await send(socket, {
      roomId: room.id,
      threadId: thread.id,
      text: 'still here',
      clientId: 'after-errors',
    });
    expect(message.text).toBe('still here');
  });

  it('lets moderators delete any message and lock threads; a locked thread refuses sends', async () => {
    const room = rooms[6];
    const thread = await newThread(room.id);
    const moderator = await t.moderator();
    const bobSocket = await t.connect(bob.accessToken);
    const modSocket = await t.connect(moderator.accessToken);
    const message = await send(bobSocket, {
      roomId: room.id,
      threadId: thread.id,
      text: 'off-topic',
      clientId: 'mod-1',
    });
    const annSocket = await t.connect(ann.accessToken);
    expect(await emitWithAck(annSocket, 'message:delete', { messageId: message.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await emitWithAck(modSocket, 'message:delete', { messageId: message.id, reason: 'Off topic' }),
    ).toMatchObject({
      ok: true,
      message: { deleted: true },
    });

    await t
      .http()
      .patch(`/api/rooms/${room.id}/threads/${thread.id}`)
      .set(...bearer(moderator.accessToken))
      .send({ locked: true })
      .expect(200);
    const refused = await emitWithAck(bobSocket, 'message:send', {
      roomId: room.id,
      threadId: thread.id,
      text: 'x',
      clientId: 'mod-2',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', retryable: false } });
    const events = await catchUp(annSocket, room.id, 0);
    expect(events.map((event: RoomEvent) => event.type)).toEqual([
      'thread.created',
      'message.created',
      'message.deleted',
      'thread.updated',
    ]);
  });

  it('replaces an edited text everywhere: catch-up, later events and pages carry only the newest; a locked thread refuses edits and reactions', async () => {
    const room = rooms[7];
    const thread = await newThread(room.id);
    const moderator = await t.moderator();
    const annSocket = await t.connect(ann.accessToken);
    const watcher = new Inbox(await t.connect(bob.accessToken));
    await join(watcher.socket, room.id);
    const message = await send(annSocket, {
      roomId: room.id,
      threadId: thread.id,
      text: 'First wording with my phone number',
      clientId: 'edit-leak-1',
    });
    const edit = (text: string) =>
      emitWithAck<{ message: Message }>(annSocket, 'message:edit', { messageId: message.id, text });
    expect(await edit('Second wording')).toMatchObject({ ok: true });
    const last = await edit('Third wording');
    expect(last).toMatchObject({ ok: true, message: { text: 'Third wording' } });
    await watcher.waitFor(
      () => watcher.events.filter((event) => event.type === 'message.updated').length === 2,
    );

    const lastEdit = watcher.events.filter((event) => event.type === 'message.updated')[1];
    const replay = await catchUp(annSocket, room.id, 0);
    const page = (
      await t
        .http()
        .get(`/api/rooms/${room.id}/messages?threadId=${thread.id}`)
        .set(...bearer(bob.accessToken))
        .expect(200)
    ).body;
    for (const kept of [replay, lastEdit, page]) {
      expect(JSON.stringify(kept)).not.toContain('First wording');
      expect(JSON.stringify(kept)).not.toContain('Second wording');
      expect(JSON.stringify(kept)).toContain('Third wording');
    }

    await t
      .http()
      .patch(`/api/rooms/${room.id}/threads/${thread.id}`)
      .set(...bearer(moderator.accessToken))
      .send({ locked: true })
      .expect(200);
    expect(await edit('Fourth wording')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      await emitWithAck(watcher.socket, 'reaction:toggle', { messageId: message.id, emoji: '👍' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The presence test below uses this room too and waits for Bob to be gone from it.
    annSocket.disconnect();
    watcher.socket.disconnect();
  });

  it('keeps one presence for several tabs, and drops a socket that vanishes without a goodbye', async () => {
    const room = rooms[7];
    const watcher = new Inbox(await t.connect(ann.accessToken));
    await join(watcher.socket, room.id);
    const tab1 = await t.connect(bob.accessToken);
    const tab2 = await t.connect(bob.accessToken);
    await join(tab1, room.id);
    const both = await join(tab2, room.id);
    expect(both.presence.filter((user) => user.id === bob.user.id)).toHaveLength(1);

    tab1.disconnect();
    await new Promise((done) => setTimeout(done, 600));
    const stillThere = await join(watcher.socket, room.id);
    expect(stillThere.presence.map((user) => user.id)).toContain(bob.user.id);

    // Cut the TCP connection under the socket: no disconnect packet reaches the server.
    const engine = tab2.io.engine as unknown as { transport: { ws?: { _socket?: { destroy(): void } } } };
    engine.transport.ws?._socket?.destroy();
    await watcher.waitFor(
      () => watcher.presence.at(-1)?.users.every((user) => user.id !== bob.user.id) ?? false,
      20_000,
    );
  });

  it('rate-limits sends per socket with a clear, retryable error', async () => {
    const limited = await startTestApp({ env: { SOCKET_SEND_LIMIT: '5:1' } });
    try {
      const user = await limited.register();
      const room = (
        (
          await limited
            .http()
            .get('/api/rooms')
            .set(...bearer(user.accessToken))
        ).body as Room[]
      )[0];
      const thread = (
        await limited
          .http()
          .post(`/api/rooms/${room.id}/threads`)
          .set(...bearer(user.accessToken))
          .send({ title: 'x' })
      ).body as Thread;
      const socket = await limited.connect(user.accessToken);
      const acks = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          emitWithAck(socket, 'message:send', {
            roomId: room.id,
            threadId: thread.id,
            text: `r${i}`,
            clientId: `rate-${i}`,
          }),
        ),
      );
      expect(acks.filter((ack) => ack.ok)).toHaveLength(5);
      expect(
        acks
          .filter((ack) => !ack.ok)
          .every((ack) => ack.error?.code === 'RATE_LIMITED' && ack.error.retryable),
      ).toBe(true);
    } finally {
      await limited.close();
    }
  });
});
