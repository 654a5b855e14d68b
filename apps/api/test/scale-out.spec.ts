import { findFreePort } from '@helix/api/embedded-db';
import type { AuthResponse, Room, Thread } from '@helix/contract';
import request from 'supertest';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { startRedis, type TestRedis } from './support/redis';
import { testMongoUri, uniqueDbName } from './support/test-app';
import { RESYNC_SPREAD_MS } from '@helix/web/data-access/sync';
import { waitFor, WebClient } from './support/web-client';

async function register(url: string, email: string): Promise<AuthResponse> {
  const response = await request(url)
    .post('/api/auth/register')
    .send({
      email,
      password: 'scale-out password',
      displayName: email.split('@')[0],
      organization: 'Org',
      stakeholderGroup: 'business',
    })
    .expect(201);
  return response.body as AuthResponse;
}

async function firstRoomAndNewThread(url: string, token: string, title: string): Promise<[Room, Thread]> {
  const rooms = (await request(url).get('/api/rooms').set('Authorization', `Bearer ${token}`)).body as Room[];
  const thread = (
    await request(url)
      .post(`/api/rooms/${rooms[0].id}/threads`)
      .set('Authorization', `Bearer ${token}`)
      .send({ title })
      .expect(201)
  ).body as Thread;
  return [rooms[0], thread];
}

describe('several API instances on one database and one Redis', () => {
  let redis: TestRedis;
  let a: ApiProcess;
  let b: ApiProcess;
  /** Each client reaches its home instance through a balancer that falls back to the other one. */
  let toA: TcpProxy;
  let toB: TcpProxy;
  let room: Room;
  let thread: Thread;
  const sessions: AuthResponse[] = [];
  const clients: WebClient[] = [];
  const onB = (c: number): boolean => c % 2 === 1;

  const env = { MONGODB_URI: testMongoUri(uniqueDbName()) };

  beforeAll(async () => {
    redis = await startRedis();
    Object.assign(env, { REDIS_URL: redis.url });
    a = await startApiProcess(env);
    b = await startApiProcess(env);
    toA = await startTcpProxy(() => [a.url, b.url]);
    toB = await startTcpProxy(() => [b.url, a.url]);
    for (let i = 0; i < 6; i++) sessions.push(await register(onB(i) ? b.url : a.url, `scale${i}@helix.test`));
    [room, thread] = await firstRoomAndNewThread(b.url, sessions[1].accessToken, 'Across instances');
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM'), toA?.close(), toB?.close()]);
    await redis?.stop();
  });

  const messagesEverywhere = (count: number): boolean =>
    clients.every((client) => client.createdMessages.length >= count);

  /** Every client applied the same events, one per seq from the first after it joined, each message once. */
  const expectSameGaplessSequences = (expectedMessages: number): void => {
    const reference = clients[0].seqs;
    // Seq 1 is the thread, created before anyone joined.
    expect(reference).toEqual(Array.from({ length: reference.length }, (_, i) => i + 2));
    for (const client of clients) expect(client.seqs).toEqual(reference);
    const created = clients[0].createdMessages;
    expect(created).toHaveLength(expectedMessages);
    expect(new Set(created.map((message) => message.clientId)).size).toBe(expectedMessages);
  };

  it('shares rooms: one gapless sequence, presence and typing across instances', async () => {
    for (let c = 0; c < 6; c++) {
      const client = new WebClient(onB(c) ? toB.url : toA.url, sessions[c], room.id);
      await client.open();
      clients.push(client);
    }
    await waitFor(
      () => clients.every((client) => new Set(client.presentIds()).size === 6),
      'everyone sees all six people, whichever instance they are on',
    );

    clients[1].sendTyping(thread.id); // on B
    await waitFor(
      () => clients[0].typing.some((typing) => typing.user.id === sessions[1].user.id),
      'typing from B reaches A',
    );

    clients.forEach((client, c) => {
      for (let i = 0; i < 25; i++) client.send(thread.id, `c${c} m${i}`);
    });
    await waitFor(() => clients.every((client) => client.confirmed.size === 25), 'every send confirmed');
    await waitFor(() => messagesEverywhere(150), 'all 150 messages everywhere');
    expectSameGaplessSequences(150);
  });

  it('loses nothing when an instance is killed mid-stream: its clients move to the other and catch up', async () => {
    const senders = clients.map((client, c) =>
      (async () => {
        for (let i = 0; i < 40; i++) {
          client.send(thread.id, `k${c} m${i}`);
          await new Promise((done) => setTimeout(done, 15));
        }
      })(),
    );
    await waitFor(() => clients[0].createdMessages.length >= 150 + 60, 'traffic under way');
    await b.kill('SIGKILL');
    await Promise.all(senders);

    const total = 150 + 6 * 40;
    await waitFor(() => clients.every((client) => client.confirmed.size === 25 + 40), 'every send confirmed');
    for (const client of clients) expect(client.unsent).toEqual([]);
    // B's clients saw their connection die and reconnected, through their balancer, to A.
    for (const client of clients.filter((_, c) => onB(c))) expect(client.connections).toBe(2);
    await waitFor(() => messagesEverywhere(total), 'every message everywhere');
    expectSameGaplessSequences(total);
    // Every confirmed message is in the log exactly once, with the seq its confirmation named.
    const bySeq = new Map(clients[0].applied.map((event) => [event.seq, event]));
    for (const client of clients) {
      for (const [clientId, { message }] of client.confirmed) {
        expect((bySeq.get(message.seq)?.payload as { clientId: string }).clientId).toBe(clientId);
      }
    }
  });

  it('keeps each instance serving its own clients while Redis is down, and catches everyone up after', async () => {
    b = await startApiProcess(env);
    // B's clients come home: a fresh connection, as when the browser is back online, lands on B again.
    for (const client of clients.filter((_, c) => onB(c))) client.reconnect();
    await waitFor(() => clients.every((client) => client.connected), 'B clients back on B');
    const before = clients.map((client) => client.createdMessages.length);

    await redis.stop();
    const sent = clients.map((client, c) => client.send(thread.id, `r${c}`));
    await waitFor(
      () => clients.every((client, c) => client.confirmed.has(sent[c].clientId)),
      'every send confirmed while Redis is down',
    );
    // Local delivery goes on: a client on A sees what another client on A sent.
    await waitFor(
      () => clients[0].createdMessages.some((message) => message.clientId === sent[2].clientId),
      'local delivery on A',
    );

    await redis.restart();
    await waitFor(
      () => clients.every((client, c) => client.createdMessages.length === before[c] + 6),
      'everyone caught up after Redis returned',
      30_000,
    );
    expectSameGaplessSequences(150 + 6 * 40 + 6);
  });
});

describe('an API instance started while Redis is down', () => {
  let redis: TestRedis | undefined;
  let early: ApiProcess;
  let late: ApiProcess | undefined;
  const clients: WebClient[] = [];

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await Promise.all([early?.kill('SIGTERM'), late?.kill('SIGTERM')]);
    await redis?.stop();
  });

  it('starts, serves its own clients, and joins the other instances once Redis is up', async () => {
    const redisPort = await findFreePort();
    const env = { MONGODB_URI: testMongoUri(uniqueDbName()), REDIS_URL: `redis://127.0.0.1:${redisPort}` };
    // startApiProcess waits for the health check: the instance must come up with nothing on that port.
    early = await startApiProcess(env);
    const first = await register(early.url, 'early@helix.test');
    const [room, thread] = await firstRoomAndNewThread(early.url, first.accessToken, 'Before Redis');
    const onEarly = new WebClient(early.url, first, room.id);
    clients.push(onEarly);
    await onEarly.open();
    const alone = onEarly.send(thread.id, 'alone');
    await waitFor(
      () => onEarly.createdMessages.some((message) => message.clientId === alone.clientId),
      'the instance serves its own clients without Redis',
    );

    redis = await startRedis(redisPort);
    late = await startApiProcess(env);
    const onLate = new WebClient(late.url, await register(late.url, 'late@helix.test'), room.id);
    clients.push(onLate);
    await onLate.open();
    await waitFor(
      () => onEarly.resyncs > 0,
      'the early instance reaches Redis and asks its clients to catch up',
    );
    // Let the catch-up that resync asked for happen first: from now on only live delivery brings the late
    // instance's messages to the early one's client.
    await new Promise((done) => setTimeout(done, RESYNC_SPREAD_MS));

    const arrived = (client: WebClient, clientId: string) => (): boolean =>
      client.createdMessages.some((message) => message.clientId === clientId);
    // Until the early instance's stream reader is attached a message may miss it; the next one then
    // arrives live past a gap, which the sync fills.
    for (let round = 0; ; round++) {
      const fromLate = onLate.send(thread.id, `from late ${round}`);
      const delivered = await waitFor(arrived(onEarly, fromLate.clientId), 'late → early', 1_000).then(
        () => true,
        () => false,
      );
      if (delivered) break;
      if (round === 10) throw new Error('no delivery across instances after Redis came up');
    }
    const fromEarly = onEarly.send(thread.id, 'from early');
    await waitFor(arrived(onLate, fromEarly.clientId), 'early → late');
    await waitFor(() => onLate.seqs.at(-1) === onEarly.seqs.at(-1), 'both clients at the same seq');
    // Seq 1 is the thread, seq 2 the early client's first message, before the late client joined.
    expect(onEarly.seqs).toEqual(Array.from({ length: onEarly.seqs.length }, (_, i) => i + 2));
    expect(onLate.seqs).toEqual(onEarly.seqs.slice(1));
  });
});
