import { findFreePort } from '@helix/api/embedded-db';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

export const REDIS_SERVER = '/usr/bin/redis-server';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/**
 * A throwaway redis-server on a loopback port, a free one unless given (npm test installs Debian's
 * redis-server).
 */
export async function startRedis(port?: number): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      `redis-server is needed for the scale-out tests: install Debian's package "redis-server".`,
    );
  }
  const listenPort = port ?? (await findFreePort());
  let child: ReturnType<typeof spawn> | undefined;
  const launch = async (): Promise<void> => {
    child = spawn(
      REDIS_SERVER,
      ['--port', String(listenPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await waitForPort(listenPort);
  };
  const stop = async (): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((done) => {
      running.once('exit', () => done());
      running.kill('SIGKILL');
    });
  };
  await launch();
  return { url: `redis://127.0.0.1:${listenPort}`, stop, restart: async () => (await stop(), launch()) };
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const open = await new Promise<boolean>((done) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => (socket.destroy(), done(true)));
      socket.once('error', () => done(false));
    });
    if (open) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`redis-server did not listen on ${port}`);
}
