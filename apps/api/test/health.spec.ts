import { ensureFerretDbBinary, startFerretDb, type EmbeddedDatabase } from '@helix/api/embedded-db';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOOLS_DIR } from './support/paths';
import { bearer, startTestApp, type TestApp } from './support/test-app';

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
    await waitFor(async () => (await t.http().get('/api/health')).status === 200);
    await t
      .http()
      .get('/api/rooms')
      .set(...bearer(user.accessToken))
      .expect(200);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error('condition not met in time');
}
