import type { AuthResponse, MessagePage, Room, Thread } from '@helix/contract';
import request from 'supertest';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { SyncedClient } from './support/synced-client';
import { testMongoUri, uniqueDbName } from './support/test-app';

/** Every acknowledged message survives the server going away, gracefully or not. */
describe.each([
  ['SIGTERM (graceful shutdown)', 'SIGTERM'],
  ['SIGKILL (crash)', 'SIGKILL'],
] as const)('stopping the API with %s during a burst of sends', (_name, signal) => {
  let api: ApiProcess;
  const env = { MONGODB_URI: testMongoUri(uniqueDbName()) };

  afterAll(() => api?.kill('SIGKILL'));

  it('keeps every acknowledged message, once, with gapless seqs after a restart', async () => {
    api = await startApiProcess(env);
    const users: AuthResponse[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await request(api.url)
        .post('/api/auth/register')
        .send({
          email: `stop${i}@helix.test`,
          password: 'stop password 1',
          displayName: `S${i}`,
          organization: 'O',
          stakeholderGroup: 'government',
        })
        .expect(201);
      users.push(response.body);
    }
    const auth = ['Authorization', `Bearer ${users[0].accessToken}`] as const;
    const room = (
      (
        await request(api.url)
          .get('/api/rooms')
          .set(...auth)
      ).body as Room[]
    )[0];
    const thread = (
      await request(api.url)
        .post(`/api/rooms/${room.id}/threads`)
        .set(...auth)
        .send({ title: 'Burst' })
    ).body as Thread;
    const clients = users.map((user) => new SyncedClient(user.accessToken, room.id));
    await Promise.all(clients.map((client) => client.connect(api.url)));

    const sending = clients.map((client, c) =>
      Promise.all(
        Array.from({ length: 80 }, (_, i) =>
          client.send({
            roomId: room.id,
            threadId: thread.id,
            text: `b${c}-${i}`,
            clientId: `stop-${c}-${i}`,
          }),
        ),
      ),
    );
    const deadline = Date.now() + 20_000;
    // Stop once enough sends are acknowledged, not merely broadcast: acks are what must survive.
    const ackedSoFar = (): number => clients.reduce((sum, client) => sum + client.acked.size, 0);
    while (ackedSoFar() < 40 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 5));
    await api.kill(signal);
    await Promise.all(sending);
    const acked = clients.flatMap((client) => [...client.acked.entries()]);
    expect(acked.length).toBeGreaterThan(30);

    api = await startApiProcess(env);
    const login = await request(api.url)
      .post('/api/auth/login')
      .send({ email: 'stop0@helix.test', password: 'stop password 1' })
      .expect(200);
    const items: MessagePage['items'] = [];
    let beforeSeq: number | undefined;
    for (;;) {
      const page = (
        await request(api.url)
          .get(
            `/api/rooms/${room.id}/messages?threadId=${thread.id}&limit=100${beforeSeq ? `&beforeSeq=${beforeSeq}` : ''}`,
          )
          .set('Authorization', `Bearer ${login.body.accessToken}`)
          .expect(200)
      ).body as MessagePage;
      items.unshift(...page.items);
      if (!page.hasMore) break;
      beforeSeq = page.items[0].seq;
    }
    const stored = new Map(items.map((message) => [message.clientId, message]));
    for (const [clientId, message] of acked) expect(stored.get(clientId)?.seq).toBe(message.seq);
    expect(new Set(items.map((message) => message.clientId)).size).toBe(items.length);
    const seqs = items.map((message) => message.seq);
    // Seq 1 is the thread; the messages follow without a gap.
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 2));
    clients.forEach((client) => client.close());
  });
});
