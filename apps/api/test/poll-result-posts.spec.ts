import {
  isSystemAuthor,
  type Message,
  type MessagePage,
  type Poll,
  type PollResult,
  type Room,
  type RoomEvent,
  type SearchResults,
  type Thread,
} from '@helix/contract';
import type { AuthResponse } from '@helix/contract';
import { io } from 'socket.io-client';
import mongoose from 'mongoose';
import request from 'supertest';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { catchUp, Inbox, join } from './support/live';
import { startRedis, type TestRedis } from './support/redis';
import {
  startTestApp,
  testMongoUri,
  uniqueDbName,
  type TestApp,
  type TestSocket,
  type TestUser,
} from './support/test-app';
import { waitUntil } from './support/wait';

/**
 * A closed poll's result is posted by Helix as the first message of a thread of its own in the poll's room,
 * through the room's log: live members get it, members who were away catch it up, and a poll posts it once
 * however it closes (twice, by its countdown with a moderator racing it).
 */
describe('a closed poll posts its result into a thread of its room', () => {
  let t: TestApp;
  let moderator: TestUser;
  let ann: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let room: Room;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    moderator = await t.moderator({ displayName: 'Moderator' });
    ann = await t.register({ displayName: 'Ann', stakeholderGroup: 'business' });
    bob = await t.register({ displayName: 'Bob', stakeholderGroup: 'university' });
    carol = await t.register({ displayName: 'Carol', stakeholderGroup: 'government' });
    [room] = await t.rooms(ann);
  });
  afterAll(() => t.close());

  const openPoll = async (body: object = {}, open: object = {}): Promise<Poll> => {
    const draft = (
      await t
        .as(moderator)
        .post(`/api/rooms/${room.id}/polls`, {
          question: 'Which project first?',
          options: ['Campus', 'Mobility', 'Labs'],
          ...body,
        })
        .expect(201)
    ).body as Poll;
    return (await t.as(moderator).post(`/api/polls/${draft.id}/open`, open).expect(200)).body as Poll;
  };
  const vote = (user: TestUser, poll: Poll, ballot: object) =>
    t.as(user).post(`/api/polls/${poll.id}/votes`, ballot).expect(200);
  const choose = (user: TestUser, poll: Poll, index: number) =>
    vote(user, poll, { optionIds: [poll.options[index].id] });
  const threadsOfRoom = async (): Promise<Thread[]> =>
    (await t.as(ann).get(`/api/rooms/${room.id}/threads`).expect(200)).body as Thread[];
  const messagesOf = async (threadId: string): Promise<Message[]> =>
    (
      (await t.as(ann).get(`/api/rooms/${room.id}/messages?threadId=${threadId}`).expect(200))
        .body as MessagePage
    ).items;
  /** The result thread's events a socket got: its thread, then its message and the message's changes. */
  const resultEvents = (inbox: Inbox, threadId: string): RoomEvent[] =>
    inbox.events.filter(
      (event) =>
        (event.type === 'thread.created' && (event.payload as Thread).id === threadId) ||
        (event.type.startsWith('message.') && (event.payload as Message).threadId === threadId),
    );
  const closedEvent = (inbox: Inbox, poll: Poll): RoomEvent | undefined =>
    inbox.events.find(
      (event) =>
        event.type === 'poll.updated' &&
        (event.payload as Poll).id === poll.id &&
        (event.payload as Poll).status === 'closed',
    );
  /** Long enough for a second post, were there one, to have reached the room. */
  const settle = () => new Promise((done) => setTimeout(done, 1_000));

  it('posts the result after the close, to every member live, as Helix, with the counts, split and winner', async () => {
    const inbox = new Inbox(await t.connect(carol.accessToken));
    await join(inbox.socket, room.id);
    const poll = await openPoll();
    await choose(ann, poll, 1);
    await choose(bob, poll, 1);
    await choose(carol, poll, 0);

    const closed = (await t.as(moderator).post(`/api/polls/${poll.id}/close`).expect(200)).body as Poll;
    const threadId = closed.resultThreadId as string;
    expect(threadId).toMatch(/^[0-9a-f]{24}$/);
    await inbox.waitFor(() => resultEvents(inbox, threadId).length === 2);

    const [threadCreated, messageCreated] = resultEvents(inbox, threadId);
    const close = closedEvent(inbox, poll) as RoomEvent;
    expect((close.payload as Poll).resultThreadId).toBe(threadId);
    // The close first, then the thread and its message, each with the room's next seq.
    expect([threadCreated.seq, messageCreated.seq]).toEqual([close.seq + 1, close.seq + 2]);
    expect(threadCreated.payload as Thread).toMatchObject({
      id: threadId,
      title: 'Which project first?',
      createdBy: { displayName: 'Helix', system: true },
      locked: false,
    });
    const message = messageCreated.payload as Message;
    expect(message).toMatchObject({ threadId, text: '', author: { system: true }, replyTo: null });
    const [campus, mobility, labs] = poll.options.map((option) => option.id);
    expect(message.attachment).toEqual({
      type: 'poll_result',
      poll: {
        id: poll.id,
        roomId: room.id,
        question: 'Which project first?',
        kind: 'choice',
        multiple: false,
        anonymous: false,
        options: [
          { id: campus, label: 'Campus', votes: 1 },
          { id: mobility, label: 'Mobility', votes: 2 },
          { id: labs, label: 'Labs', votes: 0 },
        ],
        voters: 3,
        byGroup: {
          business: { [campus]: 0, [mobility]: 1, [labs]: 0 },
          university: { [campus]: 0, [mobility]: 1, [labs]: 0 },
          government: { [campus]: 1, [mobility]: 0, [labs]: 0 },
        },
        formatResult: null,
        closedAt: expect.any(String),
        winners: [mobility],
      } satisfies PollResult,
    });

    // What REST answers is what the events said; the thread reads like any other.
    expect((await threadsOfRoom()).filter((thread) => thread.id === threadId)).toMatchObject([
      { messageCount: 1, createdBy: { system: true } },
    ]);
    expect(await messagesOf(threadId)).toEqual([message]);
    // The room discusses it right under the result.
    const reply = await t
      .as(ann)
      .post(`/api/rooms/${room.id}/messages`, {
        threadId,
        text: 'Mobility it is',
        clientId: 'reply-1',
        replyTo: message.id,
      })
      .expect(201);
    expect((reply.body as Message).replyTo).toBe(message.id);
    // Searching the room for an option finds the posted result.
    const found = (await t.as(ann).get(`/api/rooms/${room.id}/search?q=Mobility`).expect(200))
      .body as SearchResults;
    expect(found.hits.some((hit) => hit.kind === 'message' && hit.id === message.id)).toBe(true);

    // Nobody else can put words in Helix's mouth, nor take its thread away, but a moderator.
    await t.as(ann).patch(`/api/rooms/${room.id}/threads/${threadId}`, { title: 'Mine now' }).expect(403);
    await t.as(ann).delete(`/api/rooms/${room.id}/threads/${threadId}`).expect(403);

    // Closing again is refused and posts nothing more: one thread, one message of Helix's.
    await t.as(moderator).post(`/api/polls/${poll.id}/close`).expect(409);
    await settle();
    expect(
      resultEvents(inbox, threadId).filter(
        (event) => event.type === 'thread.created' || isSystemAuthor((event.payload as Message).author),
      ),
    ).toEqual([threadCreated, messageCreated]);
    expect((await threadsOfRoom()).filter((thread) => thread.id === threadId)).toHaveLength(1);
  });

  it('catches up a member who was away with the result thread and its message', async () => {
    const away = await t.connect(bob.accessToken);
    const { seq } = await join(away, room.id);
    away.disconnect();
    const poll = await openPoll({ question: 'Where do we meet?', options: ['Hall', 'Garden'] });
    await choose(ann, poll, 1);
    const closed = (await t.as(moderator).post(`/api/polls/${poll.id}/close`).expect(200)).body as Poll;

    const back = await t.connect(bob.accessToken);
    const missed = await catchUp(back, room.id, seq);
    // What happened last: the close, then the thread and its message.
    expect(missed.slice(-3).map((event) => [event.type, (event.payload as { id: string }).id])).toEqual([
      ['poll.updated', poll.id],
      ['thread.created', closed.resultThreadId],
      ['message.created', expect.any(String)],
    ]);
    const message = missed.at(-1)?.payload as Message;
    expect(message.threadId).toBe(closed.resultThreadId);
    expect(message.attachment?.poll).toMatchObject({ question: 'Where do we meet?', voters: 1 });
    // Gapless: every seq since the one it had, once.
    expect(missed.map((event) => event.seq)).toEqual(missed.map((_, i) => seq + i + 1));
  });

  it('posts once when the countdown closes a poll with a moderator closing it at the same moment, results hidden until then shown', async () => {
    const inbox = new Inbox(await t.connect(carol.accessToken));
    await join(inbox.socket, room.id);
    const poll = await openPoll({ resultsVisibility: 'after_close' }, { closesInSeconds: 5 });
    await choose(ann, poll, 2);
    await choose(bob, poll, 2);
    // Until the close, nobody who voted sees a count, nor does any room event carry one.
    expect(((await t.as(ann).get(`/api/polls/${poll.id}`).expect(200)).body as Poll).voters).toBe(0);

    await new Promise((done) => setTimeout(done, Date.parse(poll.closesAt as string) - Date.now()));
    const moderatorClose = await t.as(moderator).post(`/api/polls/${poll.id}/close`);
    expect([200, 409]).toContain(moderatorClose.status);
    await inbox.waitFor(() => closedEvent(inbox, poll) !== undefined, 12_000);
    const threadId = (closedEvent(inbox, poll)?.payload as Poll).resultThreadId as string;
    await inbox.waitFor(() => resultEvents(inbox, threadId).length >= 2);
    await settle();

    expect(inbox.events.filter((event) => event === closedEvent(inbox, poll))).toHaveLength(1);
    expect(resultEvents(inbox, threadId).map((event) => event.type)).toEqual([
      'thread.created',
      'message.created',
    ]);
    const posted = (resultEvents(inbox, threadId)[1].payload as Message).attachment?.poll;
    expect(posted).toMatchObject({ voters: 2, winners: [poll.options[2].id] });
    expect(posted?.options.map((option) => option.votes)).toEqual([0, 0, 2]);
    expect((await threadsOfRoom()).filter((thread) => thread.id === threadId)).toHaveLength(1);
    expect(await messagesOf(threadId)).toHaveLength(1);
  });

  it('opens no thread for a poll nobody voted in', async () => {
    const inbox = new Inbox(await t.connect(carol.accessToken));
    await join(inbox.socket, room.id);
    const before = (await threadsOfRoom()).length;
    const poll = await openPoll({ question: 'Anyone?' });
    const closed = (await t.as(moderator).post(`/api/polls/${poll.id}/close`).expect(200)).body as Poll;
    expect(closed.resultThreadId).toBeNull();
    await inbox.waitFor(() => closedEvent(inbox, poll) !== undefined);
    await settle();
    expect(inbox.events.filter((event) => event.type === 'thread.created')).toEqual([]);
    expect(await threadsOfRoom()).toHaveLength(before);
  });

  it('takes a word a moderator hides after the close out of the posted word cloud too', async () => {
    const inbox = new Inbox(await t.connect(carol.accessToken));
    await join(inbox.socket, room.id);
    const poll = await openPoll({ question: 'One word for the city?', kind: 'word_cloud', options: [] });
    await vote(ann, poll, { words: ['Green', 'rude'] });
    await vote(bob, poll, { words: ['green'] });
    const closed = (await t.as(moderator).post(`/api/polls/${poll.id}/close`).expect(200)).body as Poll;
    const threadId = closed.resultThreadId as string;
    await inbox.waitFor(() => resultEvents(inbox, threadId).length === 2);
    const first = (resultEvents(inbox, threadId)[1].payload as Message).attachment?.poll;
    expect(first).toMatchObject({ winners: ['green'], voters: 2 });
    expect(first?.formatResult).toMatchObject({
      words: [
        { word: 'green', count: 2 },
        { word: 'rude', count: 1 },
      ],
    });

    await t
      .as(moderator)
      .post(`/api/polls/${poll.id}/hidden-words`, { word: 'rude', hidden: true })
      .expect(200);
    await inbox.waitFor(() => resultEvents(inbox, threadId).length === 3);
    const updated = resultEvents(inbox, threadId)[2];
    expect(updated.type).toBe('message.updated');
    const shown = (updated.payload as Message).attachment?.poll.formatResult;
    expect(shown).toMatchObject({ words: [{ word: 'green', count: 2 }], hiddenWords: [] });
    expect(JSON.stringify(await messagesOf(threadId))).not.toContain('rude');
  });
});

/**
 * Two instances on one database: the one that opened a poll closes it at its countdown and the other steps in
 * two seconds later; two moderators' closes meet on both at once. Either way one close wins, and only it posts.
 */
/** For API processes, which a test reaches by URL: requests as a signed-in person. */
const as = (url: string, user: AuthResponse) => ({
  get: (path: string) => request(url).get(path).set('Authorization', `Bearer ${user.accessToken}`),
  post: (path: string, body: object = {}) =>
    request(url).post(path).set('Authorization', `Bearer ${user.accessToken}`).send(body),
});
const register = async (url: string, email: string, stakeholderGroup: string): Promise<AuthResponse> =>
  (
    await request(url)
      .post('/api/auth/register')
      .send({
        email,
        password: 'a poll posts its result',
        displayName: email,
        organization: 'Org',
        stakeholderGroup,
      })
      .expect(201)
  ).body as AuthResponse;

describe('with two API instances, a poll posts its result once', () => {
  const ADMIN = 'admin@poll-posts.test';
  let redis: TestRedis;
  let a: ApiProcess;
  let b: ApiProcess;
  let admin: AuthResponse;
  let ann: AuthResponse;
  let bob: AuthResponse;
  let room: Room;
  /** Ann's socket on A, Bob's on B. */
  let inboxes: Inbox[];

  const connect = (url: string, user: AuthResponse): Promise<TestSocket> => {
    const socket: TestSocket = io(url, {
      auth: { token: user.accessToken },
      transports: ['websocket'],
      forceNew: true,
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  };

  beforeAll(async () => {
    redis = await startRedis();
    const env = { MONGODB_URI: testMongoUri(uniqueDbName()), REDIS_URL: redis.url, ADMIN_EMAILS: ADMIN };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    admin = await register(a.url, ADMIN, 'government');
    ann = await register(a.url, 'ann@poll-posts.test', 'business');
    bob = await register(b.url, 'bob@poll-posts.test', 'university');
    room = ((await as(a.url, ann).get('/api/rooms').expect(200)).body as Room[])[0];
    inboxes = [new Inbox(await connect(a.url, ann)), new Inbox(await connect(b.url, bob))];
    for (const inbox of inboxes) await join(inbox.socket, room.id);
  });

  afterAll(async () => {
    inboxes?.forEach((inbox) => inbox.socket.disconnect());
    await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
    await redis?.stop();
  });

  const openOn = async (url: string, open: object = {}): Promise<Poll> => {
    const draft = (
      await as(url, admin)
        .post(`/api/rooms/${room.id}/polls`, { question: 'Which bus line first?', options: ['7', '12'] })
        .expect(201)
    ).body as Poll;
    const poll = (await as(url, admin).post(`/api/polls/${draft.id}/open`, open).expect(200)).body as Poll;
    await as(a.url, ann)
      .post(`/api/polls/${poll.id}/votes`, { optionIds: [poll.options[0].id] })
      .expect(200);
    await as(b.url, bob)
      .post(`/api/polls/${poll.id}/votes`, { optionIds: [poll.options[1].id] })
      .expect(200);
    return poll;
  };
  /** What each socket got of the poll's result: its thread and messages, as type and seq. */
  const postedOf = (inbox: Inbox, threadId: string) =>
    inbox.events
      .filter(
        (event) =>
          (event.type === 'thread.created' && (event.payload as Thread).id === threadId) ||
          (event.type.startsWith('message.') && (event.payload as Message).threadId === threadId),
      )
      .map((event) => `${event.type} ${event.seq}`);
  const expectPostedOnce = async (poll: Poll): Promise<void> => {
    const threadId = (await as(a.url, ann).get(`/api/polls/${poll.id}`).expect(200)).body.resultThreadId;
    expect(threadId).toMatch(/^[0-9a-f]{24}$/);
    for (const inbox of inboxes) await inbox.waitFor(() => postedOf(inbox, threadId).length >= 2);
    // Long enough for the other instance's close, were it to post, to have reached both rooms.
    await new Promise((done) => setTimeout(done, 3_000));
    const [onA, onB] = inboxes.map((inbox) => postedOf(inbox, threadId));
    expect(onA.map((entry) => entry.split(' ')[0])).toEqual(['thread.created', 'message.created']);
    expect(onB).toEqual(onA);
    for (const url of [a.url, b.url]) {
      const threads = (await as(url, bob).get(`/api/rooms/${room.id}/threads`).expect(200)).body as Thread[];
      expect(threads.filter((thread) => thread.id === threadId)).toHaveLength(1);
      const page = (await as(url, bob).get(`/api/rooms/${room.id}/messages?threadId=${threadId}`).expect(200))
        .body as MessagePage;
      expect(page.items.map((message) => message.attachment?.poll.voters)).toEqual([2]);
    }
  };

  it('when the countdown closes it, on the instance that opened it and then on the other', async () => {
    const poll = await openOn(a.url, { closesInSeconds: 5 });
    await inboxes[1].waitFor(
      () =>
        inboxes[1].events.some(
          (event) => event.type === 'poll.updated' && (event.payload as Poll).status === 'closed',
        ),
      12_000,
    );
    await expectPostedOnce(poll);
  });

  it('when moderators close it on both instances at the same moment', async () => {
    const poll = await openOn(b.url);
    const statuses = await Promise.all(
      [a.url, b.url].map(async (url) => (await as(url, admin).post(`/api/polls/${poll.id}/close`)).status),
    );
    expect(statuses.sort()).toEqual([200, 409]);
    await expectPostedOnce(poll);
  });
});

/**
 * An instance can stop after a close is stored and before its result is posted. The close stored the thread's
 * id with the poll, so the next boot finds a closed poll whose message was never written, and posts it.
 */
describe('after a restart, a result left unposted', () => {
  const ADMIN = 'admin@unposted.test';
  const mongoUri = testMongoUri(uniqueDbName());
  const started: ApiProcess[] = [];
  afterAll(() => Promise.all(started.map((api) => api.kill('SIGTERM'))));

  const start = async (): Promise<ApiProcess> => {
    const api = await startApiProcess({ MONGODB_URI: mongoUri, ADMIN_EMAILS: ADMIN });
    started.push(api);
    return api;
  };

  it('is posted at the next boot, once, and a result already posted is left as it was', async () => {
    const first = await start();
    const admin = await register(first.url, ADMIN, 'government');
    const ann = await register(first.url, 'ann@unposted.test', 'business');
    const room = ((await as(first.url, ann).get('/api/rooms').expect(200)).body as Room[])[0];
    const draft = (
      await as(first.url, admin)
        .post(`/api/rooms/${room.id}/polls`, { question: 'Which bus line first?', options: ['7', '12'] })
        .expect(201)
    ).body as Poll;
    const posted = (await as(first.url, admin).post(`/api/polls/${draft.id}/open`).expect(200)).body as Poll;
    for (const user of [admin, ann])
      await as(first.url, user)
        .post(`/api/polls/${posted.id}/votes`, { optionIds: [posted.options[1].id] })
        .expect(200);
    await as(first.url, admin).post(`/api/polls/${posted.id}/close`).expect(200);
    const threadsOf = async (url: string): Promise<Thread[]> =>
      (await as(url, ann).get(`/api/rooms/${room.id}/threads`).expect(200)).body as Thread[];
    const postedThreadId = (
      (await as(first.url, ann).get(`/api/polls/${posted.id}`).expect(200)).body as Poll
    ).resultThreadId;
    await waitUntil(
      () => threadsOf(first.url),
      (threads) => threads.some((thread) => thread.id === postedThreadId),
      'the close posted its result',
    );
    await first.kill('SIGTERM');

    // What a stop right after a close leaves: the closed poll, naming a thread nobody wrote.
    const unpostedThreadId = new mongoose.Types.ObjectId().toHexString();
    const connection = await mongoose.createConnection(mongoUri).asPromise();
    const polls = connection.db!.collection('polls');
    const closed = await polls.findOne({ _id: new mongoose.Types.ObjectId(posted.id) });
    const unposted = {
      ...closed!,
      _id: new mongoose.Types.ObjectId(),
      question: 'Which tram line first?',
      resultThreadId: unpostedThreadId,
    };
    await polls.insertOne(unposted);
    await connection.close();

    const second = await start();
    const threads = await waitUntil(
      () => threadsOf(second.url),
      (listed) => listed.some((thread) => thread.id === unpostedThreadId),
      'the boot posted the result left unposted',
    );
    const byTitle = (title: string) => threads.filter((thread) => thread.title === title);
    expect(byTitle('Which tram line first?').map((thread) => thread.id)).toEqual([unpostedThreadId]);
    expect(byTitle('Which bus line first?').map((thread) => [thread.id, thread.messageCount])).toEqual([
      [postedThreadId, 1],
    ]);
    const page = (
      await as(second.url, ann).get(`/api/rooms/${room.id}/messages?threadId=${unpostedThreadId}`).expect(200)
    ).body as MessagePage;
    expect(
      page.items.map((message) => [isSystemAuthor(message.author), message.attachment?.poll.voters]),
    ).toEqual([[true, 2]]);
    expect(second.output()).toContain(
      `poll ${unposted._id.toHexString()}: posting the result its close left unposted`,
    );
    expect(second.output()).not.toContain(`poll ${posted.id}: posting`);
  });
});
