// Starts the built Helix API on a free loopback port and a throwaway embedded database, for benchmarks.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { freePort } from '../tools/scripts/free-port.mjs';

export { freePort };
export const root = join(import.meta.dirname, '..');

/** The built API to run: HELIX_API_MAIN (e.g. a pinned build elsewhere), else dist/apps/api/main.js. */
export const apiMain = () => process.env.HELIX_API_MAIN || join(root, 'dist/apps/api/main.js');

/** Every process this module started and has not seen exit (pid → start time); killed if the benchmark exits first. */
const running = new Map();
process.once('exit', () => {
  for (const pid of running.keys()) signal(pid, 'SIGKILL');
});
// Interrupted (Ctrl-C, `timeout`), the benchmark still ends what it started: exit runs the handler above.
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(name, () => process.exit(130));
/** Tracks a child so a crashed or interrupted benchmark leaves none behind. */
export function track(child) {
  running.set(child.pid, startTime(child.pid));
  child.once('exit', () => running.delete(child.pid));
  return child;
}

/** A process's start time (clock ticks since boot): with the pid it names one process, even after pid reuse. */
function startTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return null;
  }
}

/** Sends a signal to a process this module started, unless it has exited (and its pid been reused). */
function signal(pid, name) {
  const started = running.get(pid);
  running.delete(pid);
  if (started === undefined || started === null || startTime(pid) !== started) return;
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * Starts the API and waits until /api/health answers 200. `dataDir` reuses a data folder (default: a new
 * throwaway one); `healthTimeoutMs` bounds the wait; `onSpawn(helix)` runs before the wait (e.g. a memory
 * watch); `onStderr(line)` takes the API's stderr (default: printed). The result's `bootMs` is process start
 * to healthy.
 *
 * Extra Node.js arguments for the API child: `nodeArgs`, else the env HELIX_NODE_ARGS (space-separated),
 * e.g. HELIX_NODE_ARGS="--cpu-prof --cpu-prof-dir=tmp/prof". With --cpu-prof the child also preloads
 * prof-exit.cjs, so stop() ends it with process.exit() and the profile gets written (a process ended by
 * a signal writes none).
 */
export async function startHelix(
  env = {},
  {
    nodeArgs = process.env.HELIX_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [],
    dataDir = mkdtempSync(join(tmpdir(), 'helix-bench-')),
    healthTimeoutMs = 120_000,
    onSpawn = () => undefined,
    onStderr = (line) => process.stderr.write(`${line}\n`),
  } = {},
) {
  const port = Number(env.PORT) || (await freePort());
  const profiling = nodeArgs.some((arg) => arg.startsWith('--cpu-prof') || arg.startsWith('--heap-prof'));
  const preload = profiling ? ['--require', join(import.meta.dirname, 'prof-exit.cjs')] : [];
  const spawnedAt = performance.now();
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
  track(child);
  // The API's stderr goes through, except a warning the in-memory Socket.IO adapter prints on every
  // presence sync when there is no Redis (counted in `warnings.serverSideEmit` instead).
  const warnings = { serverSideEmit: 0 };
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (line.includes('does not support the serverSideEmit() functionality')) warnings.serverSideEmit += 1;
    else onStderr(line);
  });
  const url = `http://127.0.0.1:${port}`;
  const helix = {
    url,
    child,
    dataDir,
    warnings,
    stop: () => stop(child, profiling ? 'SIGUSR2' : 'SIGTERM'),
    kill: () => kill(child),
  };
  onSpawn(helix);
  const deadline = spawnedAt + healthTimeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('Helix exited during start');
    trackChildren(child);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) {
        trackChildren(child);
        return { ...helix, bootMs: performance.now() - spawnedAt };
      }
    } catch {
      // not listening yet, or not answering
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  await kill(child);
  throw new Error(`Helix did not become healthy within ${(healthTimeoutMs / 1000).toFixed(0)} s`);
}

/** The API's FerretDB dies with the API only when the API shuts down; remember it to kill it otherwise. */
const childrenOf = new Map();
function trackChildren(child) {
  const known = childrenOf.get(child.pid) ?? new Set();
  for (const pid of childPids(child.pid)) {
    if (!known.has(pid)) running.set(pid, startTime(pid));
    known.add(pid);
  }
  childrenOf.set(child.pid, known);
}

/** Ends the API gracefully; if it has not exited within 15 s it is killed, and with it any FerretDB it left. */
function stop(child, name = 'SIGTERM') {
  trackChildren(child);
  return new Promise((done) => {
    let timer;
    const finish = () => {
      clearTimeout(timer);
      for (const pid of childrenOf.get(child.pid) ?? []) signal(pid, 'SIGKILL');
      done();
    };
    if (child.exitCode !== null || child.signalCode !== null) return finish();
    timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', finish);
    child.kill(name);
  });
}

/** Kills the API and its FerretDB at once (a process past its memory limit). */
function kill(child) {
  trackChildren(child);
  for (const pid of childrenOf.get(child.pid) ?? []) signal(pid, 'SIGKILL');
  return stop(child, 'SIGKILL');
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

/**
 * One REST call; throws on a non-2xx answer. `timeoutMs` bounds it (default 120 s), `signal` cancels it,
 * `raw` answers with the body's text (CSV) instead of parsed JSON.
 */
export async function api(
  url,
  path,
  { token, body, method = body ? 'POST' : 'GET', timeoutMs = 120_000, signal, raw = false } = {},
) {
  const timeout = AbortSignal.timeout(Math.ceil(timeoutMs));
  const response = await fetch(`${url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  if (raw) return response.text();
  return response.status === 204 ? undefined : response.json();
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
