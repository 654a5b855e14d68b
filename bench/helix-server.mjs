// Starts the built Helix API on a free loopback port and a throwaway embedded database, for benchmarks.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { freePort } from '../tools/scripts/free-port.mjs';

export { freePort };
export const root = join(import.meta.dirname, '..');

/**
 * Extra Node.js arguments for the API child: `nodeArgs`, else the env HELIX_NODE_ARGS (space-separated),
 * e.g. HELIX_NODE_ARGS="--cpu-prof --cpu-prof-dir=tmp/prof". With --cpu-prof the child also preloads
 * prof-exit.cjs, so stop() ends it with process.exit() and the profile gets written (a process ended by
 * a signal writes none).
 */
/** The built API to run: HELIX_API_MAIN (e.g. a pinned build elsewhere), else dist/apps/api/main.js. */
export const apiMain = () => process.env.HELIX_API_MAIN || join(root, 'dist/apps/api/main.js');

export async function startHelix(
  env = {},
  { nodeArgs = process.env.HELIX_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [] } = {},
) {
  const port = Number(env.PORT) || (await freePort());
  const profiling = nodeArgs.some((arg) => arg.startsWith('--cpu-prof') || arg.startsWith('--heap-prof'));
  const preload = profiling ? ['--require', join(import.meta.dirname, 'prof-exit.cjs')] : [];
  const dataDir = mkdtempSync(join(tmpdir(), 'helix-bench-'));
  const child = spawn(process.execPath, [...nodeArgs, ...preload, apiMain()], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HELIX_DATA_DIR: dataDir,
      HELIX_WEB_DIR: join(root, 'tools/test/web-client-stub'),
      JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-signing',
      PASSWORD_HASH_COST: 'fast',
      SOCKET_SEND_LIMIT: '100000:100000',
      ...env,
    },
  });
  // The API's stderr goes through, except a warning the in-memory Socket.IO adapter prints on every
  // presence sync when there is no Redis (counted in `warnings.serverSideEmit` instead).
  const warnings = { serverSideEmit: 0 };
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (line.includes('does not support the serverSideEmit() functionality')) warnings.serverSideEmit += 1;
    else process.stderr.write(`${line}\n`);
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('Helix exited during start');
    try {
      if ((await fetch(`${url}/api/health`)).ok)
        return { url, child, dataDir, warnings, stop: () => stop(child, profiling ? 'SIGUSR2' : 'SIGTERM') };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error('Helix did not become healthy');
}

function stop(child, signal = 'SIGTERM') {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill(signal);
  });
}

/** Resident memory of a process in MB (VmRSS from /proc/<pid>/status); NaN when unavailable. */
export function rssMB(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Direct children of a process (e.g. the FerretDB the API started). */
export function childPids(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

export async function api(url, path, { token, body, method = body ? 'POST' : 'GET' } = {}) {
  const response = await fetch(`${url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
