import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from '@helix/api/embedded-db';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { WORKSPACE_ROOT } from './support/paths';
import { testMongoUri, uniqueDbName } from './support/test-app';

const run = promisify(execFile);

/** `npm run check -- URL`, as the operator's monitoring runs it. */
async function check(url: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, ['tools/scripts/check.mjs', url, '--timeout-ms', '5000'], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, output: failed.stdout };
  }
}

describe('the end-to-end check', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApiProcess({ MONGODB_URI: testMongoUri(uniqueDbName()) });
  });
  afterAll(async () => {
    await api?.kill('SIGTERM');
  });

  it('signs a probe in, sends a message on one socket, times its arrival on another and reports OK', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'helix-check-'));
    const first = await check(api.url, { HELIX_DATA_DIR: dataDir });
    expect(first).toMatchObject({
      code: 0,
      output: expect.stringMatching(/^OK: message sent and received in \d+ ms/),
    });
    expect(first.output).toMatch(/\| roundtrip=\d+ms;1000;5000\n$/);
    // The probe account made on the first run is kept for the next, readable by its owner only.
    const account = join(dataDir, 'check-account.json');
    expect((await stat(account)).mode & 0o077).toBe(0);
    expect(JSON.parse(await readFile(account, 'utf8'))).toMatchObject({ email: expect.any(String) });
    expect(await check(api.url, { HELIX_DATA_DIR: dataDir })).toMatchObject({ code: 0 });
  });

  it('reports CRITICAL and exits 2 when Helix does not answer', async () => {
    const nobody = `http://127.0.0.1:${await findFreePort()}`;
    const result = await check(nobody, {
      CHECK_EMAIL: 'probe@helix.test',
      CHECK_PASSWORD: 'probe password 1',
    });
    expect(result).toMatchObject({ code: 2, output: expect.stringMatching(/^CRITICAL: /) });
  });
});
