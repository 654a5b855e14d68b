// What every benchmark phase shares (bench/run.mjs and bench/aged/): the clock and log, the forked
// load-generator workers, CPU accounting, statistics, connecting clients, the fan-out measurement, the
// machine description and the report table.
import { execSync, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { apiMain, childPids, percentile, root, rssMB } from './helix-server.mjs';

const started = performance.now();
export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
/** Seconds since the benchmark started. */
export const elapsedS = () => (performance.now() - started) / 1000;
const elapsed = () => `${elapsedS().toFixed(1).padStart(6)} s`;
export const log = (line) => console.log(`[${elapsed()}] ${line}`);

// ---------------------------------------------------------------- workers
export class Workers {
  constructor(count, clientKind) {
    this.children = Array.from({ length: count }, () =>
      fork(join(import.meta.dirname, 'client-worker.mjs'), [], {
        serialization: 'advanced',
        stdio: 'inherit',
      }),
    );
    this.pending = new Map();
    this.nextId = 0;
    for (const child of this.children) {
      child.on('message', (message) => {
        if (message.progress) return log(message.progress);
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) pending.reject(new Error(message.error));
        else pending.resolve(message.result);
      });
      child.on('exit', (code) => {
        if (code && !this.closing) {
          for (const [, pending] of this.pending) pending.reject(new Error(`a worker exited with ${code}`));
        }
      });
    }
    this.ready = this.all('init', { clientKind });
  }
  call(child, cmd, args = {}) {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      child.send({ id, cmd, ...args });
    });
  }
  all(cmd, args) {
    return Promise.all(this.children.map((child) => this.call(child, cmd, args)));
  }
  /** Client idx lives in worker idx % W. */
  owner(idx) {
    return this.children[idx % this.children.length];
  }
  each(fn) {
    return Promise.all(this.children.map((child, w) => fn(child, w)));
  }
  close() {
    this.closing = true;
    for (const child of this.children) child.disconnect();
  }
}

// ---------------------------------------------------------------- CPU accounting and profiles
/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuS(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
/** Per-phase CPU use of the server, its FerretDB and the load-generator workers (cores = CPU s / wall s). */
export function cpuMark(serverPid, workers) {
  const pids = {
    server: [serverPid],
    ferretdb: childPids(serverPid),
    workers: workers.children.map((c) => c.pid),
  };
  const take = () =>
    Object.fromEntries(
      Object.entries(pids).map(([k, list]) => [k, list.reduce((sum, pid) => sum + cpuS(pid), 0)]),
    );
  const start = take();
  const t0 = now();
  return () => {
    const end = take();
    const wallS = (now() - t0) / 1000;
    return {
      wallS: +wallS.toFixed(2),
      ...Object.fromEntries(Object.keys(end).map((k) => [`${k}CpuS`, +(end[k] - start[k]).toFixed(2)])),
      loadavg1: +loadavg()[0].toFixed(2),
    };
  };
}

// ---------------------------------------------------------------- stats
export const stats = (values) => {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
};
export const concat = (arrays) => {
  const out = new Float64Array(arrays.reduce((sum, array) => sum + array.length, 0));
  let offset = 0;
  for (const array of arrays) {
    out.set(array, offset);
    offset += array.length;
  }
  return out;
};

// ---------------------------------------------------------------- phases
/**
 * Connects `users` ({ idx, token }) in the workers and joins each to the room, `concurrency` at a time in
 * total; `timeoutMs` bounds each join (default 120 s).
 */
export async function connectClients(workers, url, roomId, users, concurrency, timeoutMs) {
  const t0 = now();
  const perWorker = workers.children.map(() => []);
  users.forEach((user) => perWorker[user.idx % workers.children.length].push(user));
  const results = await workers.each((child, w) =>
    workers.call(child, 'connect', {
      url,
      roomId,
      users: perWorker[w],
      concurrency: Math.ceil(concurrency / workers.children.length),
      timeoutMs,
    }),
  );
  const connected = results.reduce((sum, r) => sum + r.connected, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  return { connected, failed, errors: results.flatMap((r) => r.errors), seconds: (now() - t0) / 1000 };
}

/** `senders` clients post `messages` at `rate`/s in total; every connected client receives; returns the figures. */
export async function fanout(
  workers,
  { runId, clients, messages, rate, senders: K, roomId, threadId, label },
) {
  await workers.all('track', { runId, messages });
  const senders = Array.from({ length: Math.min(K, clients) }, (_, i) => i);
  const startAt = now() + 500;
  log(`${label}: ${senders.length} senders post ${messages} messages at ${rate}/s to ${clients} clients`);
  const sends = workers.each((child) =>
    workers.call(child, 'send', {
      runId,
      messages,
      rate,
      senders,
      startAt,
      roomId,
      threadId,
      only: senders.filter((idx) => workers.owner(idx) === child),
    }),
  );
  const sent = await sends;
  const expected = clients * messages;
  const deadline = now() + 30_000;
  let unique = 0;
  for (;;) {
    const progress = await workers.all('progress', { runId });
    unique = progress.reduce((sum, p) => sum + p.unique, 0);
    if (unique >= expected || now() > deadline) break;
    await sleep(200);
  }
  const collected = await workers.all('collect', { runId });
  unique = collected.reduce((sum, c) => sum + c.unique, 0);
  const duplicates = collected.reduce((sum, c) => sum + c.duplicates, 0);
  const latencies = concat(collected.map((c) => c.latencies));
  const last = Math.max(...collected.map((c) => c.last));
  const lat = stats(latencies);
  const ack = stats(concat(sent.map((s) => s.ackLatencies)));
  const sendErrors = sent.reduce((sum, s) => sum + s.errors, 0);
  const result = {
    clients,
    senders: senders.length,
    messages,
    rate,
    expectedDeliveries: expected,
    delivered: unique,
    lost: expected - unique,
    duplicated: duplicates,
    sendErrors,
    sendErrorSample: sent.flatMap((s) => s.errorSample).slice(0, 3),
    latencyMs: lat,
    ackMs: ack,
    deliveriesPerSecond: unique / ((last - startAt) / 1000),
    offeredDeliveriesPerSecond: clients * rate,
    durationS: (last - startAt) / 1000,
  };
  log(
    `${label}: delivered ${unique}/${expected}, lost ${result.lost}, dup ${duplicates}, p50 ${lat.p50.toFixed(1)} p95 ${lat.p95.toFixed(1)} p99 ${lat.p99.toFixed(1)} max ${lat.max.toFixed(1)} ms, ${result.deliveriesPerSecond.toFixed(0)} deliveries/s`,
  );
  return result;
}

export function machine() {
  let commit = 'unknown';
  let dirty = false;
  try {
    commit = execSync('git rev-parse HEAD', { cwd: root }).toString().trim();
    dirty =
      execSync('git status --porcelain --untracked-files=no', { cwd: root }).toString().trim().length > 0;
  } catch {
    // not a git checkout
  }
  // A pinned build (--api tmp/bench-src/dist/apps/api/main.js) names its commit in <build root>/COMMIT.
  const main = apiMain();
  const commitFile = join(dirname(main), '../../../COMMIT');
  if (existsSync(commitFile)) {
    commit = readFileSync(commitFile, 'utf8').trim();
    dirty = false;
  }
  return {
    cores: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    totalMemoryGB: +(totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    helixCommit: commit,
    workingTreeDirty: dirty,
    os: `${process.platform} ${process.arch}`,
    api: {
      main,
      builtAt: statSync(main).mtime.toISOString(),
      sha256: createHash('sha256').update(readFileSync(main)).digest('hex').slice(0, 16),
    },
  };
}

export const apiRss = (helix) => ({
  apiMB: +rssMB(helix.child.pid).toFixed(1),
  ferretdbMB: +childPids(helix.child.pid)
    .reduce((sum, pid) => sum + rssMB(pid), 0)
    .toFixed(1),
});

export const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—');
export function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  return rows.map((row) => row.map((cell, c) => String(cell).padEnd(widths[c])).join('  ')).join('\n');
}
