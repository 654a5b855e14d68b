import { findFreePort } from '@helix/api/embedded-db';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_CLIENT_STUB, WORKSPACE_ROOT } from './paths';
import { TEST_JWT_SECRET } from './test-app';

const MAIN = join(WORKSPACE_ROOT, 'dist/apps/api/main.js');

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process has written to stdout and stderr. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * The built API as its own process, as `npm start` runs it, so a test can kill it like a crashed server.
 * An `undefined` in `env` unsets that variable.
 */
export async function startApiProcess(env: Record<string, string | undefined>): Promise<ApiProcess> {
  if (!existsSync(MAIN))
    throw new Error('Build the API first (npx nx run api:build); npm test does it before the tests.');
  const port = await findFreePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: WORKSPACE_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: TEST_JWT_SECRET,
      PASSWORD_HASH_COST: 'fast',
      SOCKET_SEND_LIMIT: '1000:1000',
      HELIX_WEB_DIR: WEB_CLIENT_STUB,
      ...env,
    },
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    process.stderr.write(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (i === 300) {
      child.kill('SIGKILL');
      throw new Error('the API did not become healthy within 30 s');
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url,
    child,
    output: () => Buffer.concat(chunks).toString(),
    kill: (signal) =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode) return done();
        child.once('exit', () => done());
        child.kill(signal);
      }),
  };
}
