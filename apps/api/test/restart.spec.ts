import type { AuthResponse } from '@helix/contract';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { testMongoUri, uniqueDbName } from './support/test-app';

describe('a restart of the built API without JWT_SECRET', () => {
  const started: ApiProcess[] = [];
  const folders: string[] = [];
  const folder = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'helix-restart-'));
    folders.push(dir);
    return dir;
  };
  // In production, as a venue runs it: a kept secret is enough there too.
  const start = async (dataDir: string, mongoUri: string): Promise<ApiProcess> => {
    const api = await startApiProcess({
      NODE_ENV: 'production',
      JWT_SECRET: undefined,
      PASSWORD_HASH_COST: undefined,
      HELIX_DATA_DIR: dataDir,
      MONGODB_URI: mongoUri,
    });
    started.push(api);
    return api;
  };
  const me = (api: ApiProcess, token: string) =>
    fetch(`${api.url}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } });

  afterAll(async () => {
    await Promise.all(started.map((api) => api.kill('SIGTERM')));
    await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('keeps everyone signed in, with the secret kept owner-only in the data folder and never printed', async () => {
    const dataDir = await folder();
    const mongoUri = testMongoUri(uniqueDbName());
    const first = await start(dataDir, mongoUri);
    const registered = await fetch(`${first.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: 'restart@helix.test',
        password: 'restart password',
        displayName: 'Restart',
        organization: 'Tomsk State University',
        stakeholderGroup: 'university',
      }),
    });
    expect(registered.status).toBe(201);
    const { accessToken, user } = (await registered.json()) as AuthResponse;
    await first.kill('SIGTERM');

    const secretFile = join(dataDir, 'jwt-secret');
    expect((await stat(secretFile)).mode & 0o777).toBe(0o600);
    const secret = (await readFile(secretFile, 'utf8')).trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);

    const second = await start(dataDir, mongoUri);
    const again = await me(second, accessToken);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(user.id);

    // Another data folder keeps another secret, so the same token is refused there.
    const elsewhere = await start(await folder(), mongoUri);
    expect((await me(elsewhere, accessToken)).status).toBe(401);

    for (const api of [first, second]) {
      expect(api.output()).toContain(`sign-in secret in ${secretFile} (owner only)`);
      expect(api.output()).not.toContain(secret);
    }
  });
});
