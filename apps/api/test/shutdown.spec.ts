import type { AuthResponse, Message, MessagePage, Room, Thread } from '@helix/contract';
import { io } from 'socket.io-client';
import request from 'supertest';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { startRedis, type TestRedis } from './support/redis';
import { testMongoUri, uniqueDbName } from './support/test-app';
import { waitFor, WebClient } from './support/web-client';

const CLIENTS = 12;
const SENDS_PER_CLIENT = 30;

type ProbeOutcome = 'accepted' | 'refused: UNAVAILABLE' | 'refused: other' | 'unreachable';

/** Opens one new socket straight to the instance (no balancer) and tells what became of it. */
function probe(url: string, token: string): Promise<{ outcome: ProbeOutcome; at: number }> {
  return new Promise((settle) => {
    const socket = io(url, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 5_000,
    });
    const done = (outcome: ProbeOutcome): void => {
      socket.removeAllListeners();
      socket.disconnect();
      settle({ outcome, at: Date.now() });
    };
    socket.once('connect', () => done('accepted'));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      if (error.data?.code === 'UNAVAILABLE') done('refused: UNAVAILABLE');
      else done(error.data ? 'refused: other' : 'unreachable');
    });
    // The transport opened, then the instance closed it before answering the handshake.
    socket.once('disconnect', () => done('unreachable'));
  });
}

async function storedMessages(url: string, token: string, room: Room, thread: Thread): Promise<Message[]> {
  const items: Message[] = [];
  let beforeSeq: number | undefined;
  for (;;) {
    const page = (
      await request(url)
        .get(`/api/rooms/${room.id}/messages`)
        .query({ threadId: thread.id, limit: 100, ...(beforeSeq ? { beforeSeq } : {}) })
        .set('Authorization', `Bearer ${token}`)
        .expect(200)
    ).body as MessagePage;
    items.unshift(...page.items);
    if (!page.hasMore) return items;
    beforeSeq = page.items[0].seq;
  }
}

/**
 * SIGTERM is how a deployment stops an instance: it must answer the writes it already has, take no new
 * sockets, and let its clients move to another instance without losing or doubling anything.
 */
describe('stopping an API instance with SIGTERM while its clients are sending', () => {
  let redis: TestRedis;
  let a: ApiProcess;
  let b: ApiProcess;
  let balancer: TcpProxy;
  /** A reaches the database through this link, so the test can stall A's writes while B's go on. */
  let databaseLinkOfA: TcpProxy;
  let room: Room;
  let thread: Thread;
  const sessions: AuthResponse[] = [];
  const clients: WebClient[] = [];
  const env = { MONGODB_URI: testMongoUri(uniqueDbName()) };

  beforeAll(async () => {
    redis = await startRedis();
    Object.assign(env, { REDIS_URL: redis.url });
    databaseLinkOfA = await startTcpProxy(() => [env.MONGODB_URI]);
    const databaseHost = new URL(env.MONGODB_URI).host;
    a = await startApiProcess({
      ...env,
      MONGODB_URI: env.MONGODB_URI.replace(databaseHost, databaseLinkOfA.host),
    });
    b = await startApiProcess(env);
    balancer = await startTcpProxy(() => [a.url, b.url]);
    for (let i = 0; i < CLIENTS; i++) {
      const response = await request(a.url)
        .post('/api/auth/register')
        .send({
          email: `stop${i}@helix.test`,
          password: 'stop password 1',
          displayName: `S${i}`,
          organization: 'O',
          stakeholderGroup: 'government',
        })
        .expect(201);
      sessions.push(response.body as AuthResponse);
    }
    const auth = ['Authorization', `Bearer ${sessions[0].accessToken}`] as const;
    room = (
      (
        await request(a.url)
          .get('/api/rooms')
          .set(...auth)
      ).body as Room[]
    )[0];
    thread = (
      await request(a.url)
        .post(`/api/rooms/${room.id}/threads`)
        .set(...auth)
        .send({ title: 'Burst' })
        .expect(201)
    ).body as Thread;
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    databaseLinkOfA?.release();
    await Promise.all([a?.kill('SIGKILL'), b?.kill('SIGTERM'), balancer?.close()]);
    await databaseLinkOfA?.close();
    await redis?.stop();
  });

  it('answers the sends it holds, refuses new sockets while draining, and its clients catch up on another instance', async () => {
    for (const session of sessions) {
      const client = new WebClient(balancer.url, session, room.id);
      await client.open();
      clients.push(client);
    }
    // Each outbox sends its messages one after another, so every client has one send in flight at any moment.
    clients.forEach((client, c) => {
      for (let i = 0; i < SENDS_PER_CLIENT; i++) client.send(thread.id, `c${c} m${i}`);
    });
    const confirmedCount = (): number => clients.reduce((sum, client) => sum + client.confirmed.size, 0);
    await waitFor(() => confirmedCount() >= CLIENTS * 3, 'sends under way');

    const probes = [await probe(a.url, sessions[0].accessToken)];
    expect(probes[0].outcome).toBe('accepted');

    // Stall A's database: each client's send on its way reaches A and waits there, in the middle of being
    // checked or stored, while every outbox still holds the sends after it.
    databaseLinkOfA.hold();
    await new Promise((done) => setTimeout(done, 500));
    const onTheirWay = clients.map((client) => client.unsent[0]);
    for (const client of clients) expect(client.unsent.length).toBeGreaterThan(1);
    const exited = a.kill('SIGTERM');

    // (b) The draining instance refuses new sockets, with UNAVAILABLE.
    for (;;) {
      const next = await probe(a.url, sessions[0].accessToken);
      probes.push(next);
      if (next.outcome === 'refused: UNAVAILABLE') break;
      if (probes.length > 100) throw new Error(`no refusal while draining: ${JSON.stringify(probes)}`);
    }
    const refusedAt = probes[probes.length - 1].at;
    databaseLinkOfA.release();
    let stopped = false;
    const probing = (async () => {
      while (!stopped) probes.push(await probe(a.url, sessions[0].accessToken));
    })();
    await exited;
    stopped = true;
    await probing;
    // From SIGTERM until it exited, the instance took no new socket.
    expect(probes.slice(1).filter((next) => next.outcome === 'accepted')).toEqual([]);

    // (c) Every client reconnected, through the balancer, to B, and everything got there.
    await waitFor(
      () => clients.every((client) => client.confirmed.size === SENDS_PER_CLIENT),
      'every send confirmed',
      30_000,
    );
    for (const client of clients) {
      expect(client.connected).toBe(true);
      expect(client.connections).toBe(2);
      expect(client.unsent).toEqual([]);
    }

    // (a) A drained: it answered every send it held when SIGTERM came, after it had begun refusing new
    // sockets (a crash would have answered none of them, and each would have been sent again).
    onTheirWay.forEach((entry, c) => {
      const confirmation = clients[c].confirmed.get(entry.clientId);
      expect(confirmation?.connection).toBe(1);
      expect(confirmation?.at).toBeGreaterThan(refusedAt);
    });
    // The sends still in the outboxes when A closed the sockets went through B.
    const confirmations = clients.flatMap((client) => [...client.confirmed.values()]);
    expect(confirmations.filter((confirmation) => confirmation.connection === 2).length).toBeGreaterThan(0);

    // Every confirmed message is stored exactly once, as confirmed, and nothing else is.
    const stored = await storedMessages(b.url, sessions[0].accessToken, room, thread);
    expect(stored).toHaveLength(CLIENTS * SENDS_PER_CLIENT);
    const storedByClientId = new Map(stored.map((message) => [message.clientId, message]));
    expect(storedByClientId.size).toBe(stored.length);
    for (const { message } of confirmations) {
      expect(storedByClientId.get(message.clientId)).toMatchObject({ id: message.id, seq: message.seq });
    }

    // Every client applied every event once, with no gap, across the move.
    const lastSeq = Math.max(...stored.map((message) => message.seq));
    await waitFor(
      () => clients.every((client) => client.seqs.at(-1) === lastSeq),
      'every client caught up on B',
    );
    // Seq 1 is the thread, created before anyone joined.
    const expected = Array.from({ length: lastSeq - 1 }, (_, i) => i + 2);
    for (const client of clients) {
      expect(client.seqs).toEqual(expected);
      expect(client.createdMessages.map((message) => message.id)).toEqual(
        stored.map((message) => message.id),
      );
    }
  });
});
