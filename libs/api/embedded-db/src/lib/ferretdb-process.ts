import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { EmbeddedDbError } from './embedded-db-error';
import { findFreePort } from './free-port';

/**
 * FerretDB decodes every document it reads (a full scan at boot, ADR 0001), and with Go's default GOGC of 100 a
 * quarter of that CPU went to garbage collection: at 400 a boot pass over 60,000 messages took 12 s of CPU instead
 * of 16 s, for about 70 MB more at its peak. An operator's own GOGC wins.
 */
const GO_RUNTIME = { GOGC: process.env['GOGC'] ?? '400' };

export interface StartFerretDbOptions {
  binary: string;
  /** Folder for the SQLite files; created when missing. */
  dataDir: string;
  /** Loopback port; a free one is picked when omitted. */
  port?: number;
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface EmbeddedDatabase {
  /** Connection string without a database name: callers append their own. */
  readonly uri: string;
  readonly port: number;
  readonly pid: number | undefined;
  stop(): Promise<void>;
  /** Starts the same server again on the same port and data (used to prove recovery). */
  restart(): Promise<void>;
}

export async function startFerretDb(options: StartFerretDbOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const sqliteDir = join(dataDir, 'ferretdb');
  await mkdir(sqliteDir, { recursive: true });
  const port = options.port ?? (await findFreePort());
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.startTimeoutMs ?? 30_000;

  let child: ChildProcess | undefined;
  const killOnExit = (): void => {
    child?.kill('SIGKILL');
  };

  const launch = async (): Promise<void> => {
    const proc = spawn(
      options.binary,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${sqliteDir}/`,
        `--state-dir=${dataDir}`,
        `--listen-addr=127.0.0.1:${port}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...GO_RUNTIME } },
    );
    child = proc;
    let stderr = '';
    proc.once('error', (error) => {
      stderr += String(error);
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    proc.once('exit', (code, signal) => {
      if (child === proc) child = undefined;
      if (code && code !== 0)
        log(`FerretDB exited with code ${code}${signal ? ` (${signal})` : ''}: ${stderr.trim()}`);
    });
    try {
      await waitForPort(port, timeoutMs, () => proc.exitCode !== null);
    } catch (error) {
      proc.kill('SIGKILL');
      throw new EmbeddedDbError(
        `FerretDB did not start on 127.0.0.1:${port}: ${stderr.trim() || String(error)}.`,
        {
          cause: error,
        },
      );
    }
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((done) => proc.once('exit', () => done()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  process.once('exit', killOnExit);
  await launch();
  log(`Embedded FerretDB listening on 127.0.0.1:${port}, data in ${dataDir}`);

  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    get pid() {
      return child?.pid;
    },
    stop: async () => {
      await stop();
      process.removeListener('exit', killOnExit);
    },
    restart: async () => {
      await stop();
      await launch();
    },
  };
}

async function waitForPort(port: number, timeoutMs: number, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('the process exited');
    if (await canConnect(port)) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
