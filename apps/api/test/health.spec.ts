import { ensureFerretDbBinary, startFerretDb, type EmbeddedDatabase } from '@helix/api/embedded-db';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOOLS_DIR } from './support/paths';
import type { Message, MessagePage, Room, Thread } from '@helix/contract';
import { startTcpProxy } from './support/tcp-proxy';
import { waitUntil } from './support/wait';
import {
  bearer,
  emitWithAck,
  startTestApp,
  testMongoUri,
  uniqueDbName,
  type TestApp,
} from './support/test-app';

describe('health and database outages', () => {
  let database: EmbeddedDatabase;
  let t: TestApp;

  beforeAll(async () => {
    // A database of its own, since this test stops it.
    const binary = await ensureFerretDbBinary({ toolsDir: TOOLS_DIR });
    database = await startFerretDb({ binary, dataDir: await mkdtemp(join(tmpdir(), 'helix-health-')) });
    t = await startTestApp({ env: { MONGODB_URI: `${database.uri}health` } });
  });
  afterAll(async () => {
    await t.close();
    await database.stop();
  });

  it('reports ok, then 503 quickly while the database is down, then recovers without a restart', async () => {
    const user = await t.register();
    expect((await t.http().get('/api/health').expect(200)).body).toMatchObject({ status: 'ok', db: 'up' });

    await database.stop();
    const started = Date.now();
    expect((await t.http().get('/api/health').expect(503)).body).toMatchObject({
      status: 'degraded',
      db: 'down',
    });
    const rest = await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(user.accessToken));
    expect(rest.status).toBe(503);
    expect(rest.body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(10_000);

    await database.restart();
    await waitUntil(
      async () => (await t.http().get('/api/health')).status,
      (status) => status === 200,
      'healthy again',
      30_000,
    );
    await t
      .http()
      .get('/api/rooms')
      .set(...bearer(user.accessToken))
      .expect(200);
  });

  it('is live but not ready while the database is down, and ready again when it is back', async () => {
    expect((await t.http().get('/api/health/ready').expect(200)).body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, serving: { status: 'up' } },
    });
    await database.stop();
    const ready = await t.http().get('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    expect((await t.http().get('/api/health/live').expect(200)).body).toMatchObject({ status: 'ok' });
    await database.restart();
    await waitUntil(
      async () => (await t.http().get('/api/health/ready')).status,
      (status) => status === 200,
      'ready again',
      30_000,
    );
  });

  it('gives live sends a retryable error while the database is down, and loses nothing acknowledged', async () => {
    const user = await t.register();
    const room = (
      (
        await t
          .http()
          .get('/api/rooms')
          .set(...bearer(user.accessToken))
          .expect(200)
      ).body as Room[]
    )[0];
    const thread = (
      await t
        .http()
        .post(`/api/rooms/${room.id}/threads`)
        .set(...bearer(user.accessToken))
        .send({ title: 'Outage' })
        .expect(201)
    ).body as Thread;
    const socket = await t.connect(user.accessToken);
    const send = (clientId: string) =>
      emitWithAck<{ message: Message }>(
        socket,
        'message:send',
        { roomId: room.id, threadId: thread.id, text: clientId, clientId },
        20_000,
      );
    expect((await send('before-outage')).ok).toBe(true);

    await database.stop();
    const started = Date.now();
    expect(await send('during-outage')).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', retryable: true },
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(socket.connected).toBe(true);

    await database.restart();
    // The client retries as told; the same clientId is stored once.
    let retried = await send('during-outage');
    for (let i = 0; !retried.ok && i < 50; i++) {
      await new Promise((done) => setTimeout(done, 200));
      retried = await send('during-outage');
    }
    expect(retried.ok).toBe(true);
    const page = (
      await t
        .http()
        .get(`/api/rooms/${room.id}/messages?threadId=${thread.id}`)
        .set(...bearer(user.accessToken))
        .expect(200)
    ).body as MessagePage;
    expect(page.items.map((message) => message.clientId)).toEqual(['before-outage', 'during-outage']);
  });
});

describe('readiness while an instance drains', () => {
  it('goes not ready on SIGTERM while answers are still owed, stays live, and neither probe is rate-limited', async () => {
    const uri = testMongoUri(uniqueDbName());
    // The app reaches the database through this link, so the test can hold a write while the app drains.
    const link = await startTcpProxy(() => [uri]);
    const t = await startTestApp({
      env: {
        MONGODB_URI: uri.replace(new URL(uri).host, link.host),
        RATE_LIMIT_IP_PER_MINUTE: '3',
        RATE_LIMIT_PERSON_PER_MINUTE: '3',
      },
    });
    let closing: Promise<void> | undefined;
    try {
      for (let i = 0; i < 6; i++) {
        await t.http().get('/api/health/live').expect(200);
        await t.http().get('/api/health/ready').expect(200);
      }
      // The old check keeps its limit, as before.
      const old = await Promise.all([1, 2, 3, 4].map(() => t.http().get('/api/health')));
      expect(old.map((response) => response.status)).toContain(429);

      const user = await t.register();
      const room = (await t.rooms(user))[0];
      const thread = (await t.as(user).post(`/api/rooms/${room.id}/threads`, { title: 'Drain' }).expect(201))
        .body as Thread;
      const socket = await t.connect(user.accessToken);
      link.hold();
      const sent = emitWithAck(socket, 'message:send', {
        roomId: room.id,
        threadId: thread.id,
        text: 'owed',
        clientId: 'owed-1',
      });
      await new Promise((done) => setTimeout(done, 300));
      // What SIGTERM runs (enableShutdownHooks): the instance waits for the held send before closing.
      closing = t.app.close();
      await waitUntil(
        async () => (await t.http().get('/api/health/ready')).status,
        (status) => status === 503,
        'not ready while draining',
        5_000,
      );
      const ready = await t.http().get('/api/health/ready');
      expect(ready.body).toMatchObject({ error: { serving: { status: 'down' } } });
      await t.http().get('/api/health/live').expect(200);

      link.release();
      expect(await sent).toMatchObject({ ok: true });
      await closing;
    } finally {
      link.release();
      await (closing ?? t.close());
      await link.close();
    }
  });
});
