import type { AuthResponse, Room, Thread } from '@helix/contract';
import request from 'supertest';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { startRedis, type TestRedis } from './support/redis';
import { SyncedClient } from './support/synced-client';
import { testMongoUri, uniqueDbName } from './support/test-app';

describe('several API instances on one database and one Redis', () => {
  let redis: TestRedis;
  let a: ApiProcess;
  let b: ApiProcess;
  let room: Room;
  let thread: Thread;
  const tokens: string[] = [];
  const userIds: string[] = [];
  const clients: SyncedClient[] = [];

  const env = { MONGODB_URI: testMongoUri(uniqueDbName()) };

  beforeAll(async () => {
    redis = await startRedis();
    Object.assign(env, { REDIS_URL: redis.url });
    a = await startApiProcess(env);
    b = await startApiProcess(env);
    for (let i = 0; i < 6; i++) {
      const response = await request(i % 2 ? b.url : a.url)
        .post('/api/auth/register')
        .send({
          email: `scale${i}@helix.test`,
          password: 'scale-out password',
          displayName: `Scale ${i}`,
          organization: 'Org',
          stakeholderGroup: 'business',
        })
        .expect(201);
      tokens.push((response.body as AuthResponse).accessToken);
      userIds.push((response.body as AuthResponse).user.id);
    }
    room = (
      (await request(a.url).get('/api/rooms').set('Authorization', `Bearer ${tokens[0]}`)).body as Room[]
    )[0];
    thread = (
      await request(b.url)
        .post(`/api/rooms/${room.id}/threads`)
        .set('Authorization', `Bearer ${tokens[1]}`)
        .send({ title: 'Across instances' })
        .expect(201)
    ).body;
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
    await redis?.stop();
  });

  const waitFor = async (check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
      await new Promise((done) => setTimeout(done, 25));
    }
  };

  const expectSameGaplessSequences = (expectedMessages: number): void => {
    const reference = clients[0].seqs;
    expect(reference).toEqual(Array.from({ length: reference.length }, (_, i) => i + 1));
    for (const client of clients) expect(client.seqs).toEqual(reference);
    const created = clients[0].applied.filter((event) => event.type === 'message.created');
    expect(created).toHaveLength(expectedMessages);
    expect(new Set(created.map((event) => (event.payload as { clientId: string }).clientId)).size).toBe(
      expectedMessages,
    );
  };

  it('shares rooms: one gapless sequence, presence and typing across instances', async () => {
    for (let i = 0; i < 6; i++) {
      const client = new SyncedClient(tokens[i], room.id);
      await client.connect(i % 2 ? b.url : a.url);
      clients.push(client);
    }
    // Presence: everyone sees all six people, whichever instance they are on.
    await waitFor(
      () => clients.every((client) => new Set(client.presence).size === 6),
      'presence across instances',
    );

    clients[1].typing(thread.id); // on B
    await waitFor(() => clients[0].typingFrom.includes(userIds[1]), 'typing from B reaches A');

    await Promise.all(
      clients.map((client, c) =>
        Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            client.send({
              roomId: room.id,
              threadId: thread.id,
              text: `c${c} m${i}`,
              clientId: `s1-${c}-${i}`,
            }),
          ),
        ),
      ),
    );
    expect(clients.every((client) => client.unacked.size === 0)).toBe(true);
    await waitFor(
      () => clients.every((client) => client.applied.length >= 151),
      'all 150 messages everywhere',
    );
    expectSameGaplessSequences(150);
  });

  it('loses nothing when an instance is killed mid-stream: its clients move to the other and catch up', async () => {
    const senders = clients.map((client, c) =>
      (async () => {
        for (let i = 0; i < 40; i++) {
          await client.send({
            roomId: room.id,
            threadId: thread.id,
            text: `k${c} m${i}`,
            clientId: `s2-${c}-${i}`,
          });
          await new Promise((done) => setTimeout(done, 15));
        }
      })(),
    );
    await waitFor(() => clients[0].applied.length >= 151 + 60, 'traffic under way');
    await b.kill('SIGKILL');
    await Promise.all(senders);

    // B's clients saw their socket die; like the web client they reconnect (to A) and resend what was not acknowledged.
    for (const client of clients.filter((_, c) => c % 2 === 1)) {
      await waitFor(() => !client.socketConnected, 'B clients notice the crash');
      await client.connect(a.url);
      await client.flush();
    }
    for (const client of clients) expect(client.unacked.size).toBe(0);
    const total = 150 + 6 * 40;
    await waitFor(
      () =>
        clients.every(
          (client) => client.applied.filter((event) => event.type === 'message.created').length >= total,
        ),
      'every message everywhere',
    );
    expectSameGaplessSequences(total);
    // Every acknowledged message is in the log exactly once, with the seq its ack named.
    const bySeq = new Map(clients[0].applied.map((event) => [event.seq, event]));
    for (const client of clients) {
      for (const [clientId, message] of client.acked) {
        expect((bySeq.get(message.seq)?.payload as { clientId: string }).clientId).toBe(clientId);
      }
    }
  });

  it('keeps each instance serving its own clients while Redis is down, and catches everyone up after', async () => {
    b = await startApiProcess(env);
    for (const client of clients.filter((_, c) => c % 2 === 1)) await client.connect(b.url);
    const before = clients[0].applied.length;

    await redis.stop();
    await Promise.all(
      clients.map((client, c) =>
        client.send({ roomId: room.id, threadId: thread.id, text: `r${c}`, clientId: `s3-${c}` }),
      ),
    );
    expect(clients.every((client) => client.unacked.size === 0)).toBe(true);
    // Local delivery goes on: a client on A sees what another client on A sent.
    await waitFor(
      () => clients[0].applied.some((event) => (event.payload as { clientId?: string }).clientId === 's3-2'),
      'local delivery on A',
    );

    await redis.restart();
    await waitFor(
      () => clients.every((client) => client.applied.length >= before + 6),
      'everyone caught up after Redis returned',
      30_000,
    );
    expectSameGaplessSequences(150 + 6 * 40 + 6);
  });
});
