// The forum-scale benchmark ("third day"): the same operations on two databases in one run, a fresh one
// with a little data and the forum's third day (100,000 room events, 2,000 accounts, …), both written
// straight into the embedded database while Helix is stopped (database.mjs, third-day.mjs), then measured
// against the built API: interactive operations, a flood, fan-out to every member, catch-up and boot after
// restarts, memory. Every request is bounded and a memory watch stops everything past its limit, so an
// API that never answers on this data ends the run with a report instead of taking the machine down.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, startHelix } from '../helix-server.mjs';
import { concat, connectClients, fanout, log, ms, sleep, stats, table, Workers } from '../harness.mjs';
import { socketClass } from '../lite-socket.mjs';
import { writeThirdDay } from './database.mjs';
import { flood } from './flood.mjs';
import { describeTrip, MemoryWatch } from './memory-watch.mjs';
import {
  login,
  measureOperations,
  OPERATIONS,
  openSocket,
  searchReady,
  timed,
  Wrong,
} from './operations.mjs';
import { PASSWORD, volumes } from './third-day.mjs';

const ADMIN = {
  email: 'aged-admin@helix.test',
  password: PASSWORD,
  displayName: 'Модератор форума',
  organization: 'Оргкомитет форума',
  stakeholderGroup: 'government',
};
const ENV = {
  ADMIN_EMAILS: ADMIN.email,
  ACCESS_TOKEN_TTL_SECONDS: '3600',
  // The whole benchmark comes from one loopback address and a handful of accounts.
  RATE_LIMIT_IP_PER_MINUTE: '1000000',
  RATE_LIMIT_PERSON_PER_MINUTE: '1000000',
  RATE_LIMIT_PERSON_WRITES_PER_10S: '1000000',
};
const CATCHUP_EVENTS = 200;
const LABELS = { fresh: 'fresh', aged: 'third day' };

/**
 * Runs both columns. Options: quick, clients, senders, messages, rate, workers, clientKind,
 * connectConcurrency (as the live benchmark), samples, timeoutS, bootTimeoutS, rssLimitMB, restarts,
 * floodPerKind, floodMaxS, keep, seed.
 */
export async function agedPhase(options) {
  const result = { config: { ...options } };
  for (const kind of ['fresh', 'aged']) {
    log(`forum scale: the ${LABELS[kind]} database`);
    result[kind] = await column(kind, options);
  }
  return result;
}

async function column(kind, o) {
  const name = LABELS[kind];
  const vols = volumes(kind, { quick: o.quick });
  const probes = o.samples + 2;
  const watch = new MemoryWatch({ limitMB: o.rssLimitMB });
  const dataDir = mkdtempSync(join(tmpdir(), `helix-aged-${kind}-`));
  // A third day is hundreds of MB: an interrupted run removes it too (unless asked to keep it).
  const removeData = () => o.keep || rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeData);
  const result = { volumes: vols, memory: {}, stopped: null, error: null };
  const ctx = {
    column: name,
    watch,
    timeoutMs: o.timeoutS * 1000,
    giveUpAfter: 3,
    samples: o.samples,
    Socket: socketClass(o.clientKind),
  };
  let helix = null;
  const boots = [];
  const stderr = quietStderr();
  const start = async (label) => {
    watch.operation = `${name}: ${label}`;
    helix = await startHelix(ENV, {
      dataDir,
      healthTimeoutMs: o.bootTimeoutS * 1000,
      onSpawn: (started) => watch.follow({ apiPid: started.child.pid, kill: started.kill }),
      onStderr: stderr.line,
    });
    ctx.url = helix.url;
    boots.push(helix.bootMs);
    log(`  ${name}: ${label}: healthy after ${(helix.bootMs / 1000).toFixed(1)} s`);
  };
  const stop = async () => {
    watch.unfollow();
    await helix?.stop();
    helix = null;
  };
  let workers = null;
  try {
    // 1. Helix seeds its rooms; the admin registers through the API (its password hash is everyone's).
    await start('first start (seeds the rooms)');
    const admin = await api(helix.url, '/auth/register', { body: ADMIN, timeoutMs: ctx.timeoutMs });
    ctx.adminToken = admin.accessToken;
    await stop();

    // 2. The day, written straight into the database.
    log(`  ${name}: writing ${vols.events} room events, ${vols.accounts} accounts, … into ${dataDir}`);
    watch.operation = `${name}: writing the day`;
    result.write = await writeThirdDay({
      dataDir,
      adminEmail: ADMIN.email,
      volumes: vols,
      probes,
      samples: o.samples,
      seed: o.seed,
      watch,
    });
    const m = result.write.manifest;
    ctx.manifest = m;
    log(`  ${name}: written in ${result.write.seconds} s with ${result.write.binary}`);

    // 3. Boot on it, sign everyone in.
    await start('boot on the written day');
    await sleep(1000);
    result.memory.afterBootMB = watch.sample();
    const clients = Math.min(o.clients, vols.accounts);
    const wanted = [...new Set([...Array.from({ length: clients }, (_, i) => i), ...m.probes])];
    const t0 = performance.now();
    const tokens = await signIn(ctx, wanted);
    ctx.tokenOf = (idx) => {
      const token = tokens.get(idx);
      if (!token) throw new Error(`account ${idx} is not signed in`);
      return token;
    };
    const seconds = (performance.now() - t0) / 1000;
    result.signIn = {
      accounts: tokens.size,
      wanted: wanted.length,
      seconds: +seconds.toFixed(1),
      perSecond: +(tokens.size / seconds).toFixed(1),
    };

    // 4. Interactive operations, then the flood.
    result.operations = await measureOperations(ctx);
    result.memory.afterOperationsMB = watch.sample();
    for (const socket of ctx.sockets.values()) socket.close();
    watch.check();
    result.flood = await flood(ctx, { perKind: o.floodPerKind, maxS: o.floodMaxS });
    watch.check();

    // 5. Fan-out to every member of the big room, as the live benchmark's fan-out phase.
    workers = new Workers(o.workers, o.clientKind);
    await workers.ready;
    const users = Array.from({ length: clients }, (_, idx) => ({ idx, token: tokens.get(idx) })).filter(
      (user) => user.token,
    );
    watch.operation = `${name}: fan-out (connecting ${users.length} clients)`;
    await sleep(1000);
    const idle = watch.sample();
    const connect = await connectClients(
      workers,
      helix.url,
      m.bigRoomId,
      users,
      o.connectConcurrency,
      ctx.timeoutMs,
    );
    log(
      `  ${name}: ${connect.connected} connected, ${connect.failed} failed in ${connect.seconds.toFixed(1)} s`,
    );
    result.connect = connect;
    await sleep(2000);
    const connected = watch.sample();
    result.memory.idleMB = idle;
    result.memory.connectedMB = connected;
    result.memory.clients = connect.connected;
    result.memory.mbPer1000 = connect.connected
      ? +(((connected.apiMB - idle.apiMB) / connect.connected) * 1000).toFixed(1)
      : null;
    watch.check();
    if (connect.connected) {
      const rounds = [];
      for (let round = 1; round <= o.fanoutRounds; round++) {
        watch.check();
        watch.operation = `${name}: fan-out ${round}/${o.fanoutRounds}`;
        rounds.push(
          await fanout(workers, {
            runId: `${kind}${round}`, // no dash: the workers read a message's run as its client id up to the first dash
            clients: connect.connected,
            messages: o.messages,
            rate: o.rate,
            senders: o.senders,
            roomId: m.bigRoomId,
            threadId: m.bigThreadId,
            label: `${name} fan-out ${round}/${o.fanoutRounds}`,
          }),
        );
      }
      result.fanout = medianRound(rounds);
    }
    await workers.all('closeAll');
    workers.close();
    workers = null;

    // 6. Restarts: boot time, and a client catching up on the last 200 events right after each.
    const perRestart = Math.ceil(o.samples / o.restarts);
    const rounds = [];
    const firsts = [];
    const searchRounds = [];
    for (let restart = 0; restart < o.restarts; restart++) {
      watch.check();
      watch.operation = `${name}: reading the big room's head`;
      const { socket, ack } = await openSocket(ctx, ctx.tokenOf(m.probes[0]), m.bigRoomId);
      socket.close();
      const head = ack.seq;
      await stop();
      await start(`restart ${restart + 1}`);
      const searching = timed(ctx, 'searchReady', 1, () =>
        searchReady(ctx, ctx.tokenOf(m.probes[0]), m.bigRoomId, o.bootTimeoutS * 1000),
      );
      const round = await timed(ctx, 'catchup', perRestart, (i) =>
        catchUp(ctx, ctx.tokenOf(m.probes[(restart * perRestart + i) % m.probes.length]), head),
      );
      searchRounds.push(await searching);
      if (round.samplesMs.length) firsts.push(round.samplesMs[0]);
      rounds.push(round);
    }
    result.operations.catchup = merge(rounds);
    result.operations.catchup.firstAfterRestartMs = firsts;
    result.operations.searchReady = merge(searchRounds);
  } catch (error) {
    if (!watch.tripped) {
      result.error = String(error?.message ?? error);
      log(`  ${name}: stopped by an error: ${result.error}`);
    }
  } finally {
    result.stopped = watch.tripped;
    if (watch.tripped) log(`  ${name}: stopped: ${describeTrip(watch.tripped)}`);
    result.memory.peakMB = watch.peak;
    result.memory.peakByOperationMB = watch.byOperation;
    if (workers) {
      await workers.all('closeAll').catch(() => undefined);
      workers.close();
    }
    await stop();
    result.apiStderr = { lines: stderr.lines, notShown: stderr.notShown };
    if (stderr.notShown)
      log(`  ${name}: ${stderr.notShown} more API stderr lines (repeats, stack frames) not shown`);
    result.operations ??= {};
    result.operations.boot = { ...stats(boots), ok: boots.length, samplesMs: Float64Array.from(boots) };
    process.removeListener('exit', removeData);
    removeData();
    if (o.keep) result.dataDir = dataDir;
  }
  return result;
}

/** The API's stderr without stack frames, each line (digits aside) printed three times at most. */
function quietStderr() {
  const seen = new Map();
  const counts = { lines: 0, notShown: 0 };
  return Object.assign(counts, {
    line(text) {
      counts.lines += 1;
      const key = text.replace(/\d+/g, '');
      const times = (seen.get(key) ?? 0) + 1;
      seen.set(key, times);
      if (times > 3 || /^\s+at /.test(text)) counts.notShown += 1;
      else process.stderr.write(`${text}\n`);
    },
  });
}

/** Signs the accounts in over REST (`POST /auth/login`), 16 at a time; answers idx → access token. */
async function signIn(ctx, idxs) {
  const tokens = new Map();
  const failures = [];
  let next = 0;
  let timeoutsInARow = 0;
  ctx.watch.operation = `${ctx.column}: signing in ${idxs.length} accounts`;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < idxs.length && timeoutsInARow < 10 && !ctx.watch.tripped) {
        const idx = idxs[next++];
        try {
          tokens.set(idx, await login(ctx, idx));
          timeoutsInARow = 0;
        } catch (error) {
          if (error?.name === 'TimeoutError') timeoutsInARow += 1;
          if (failures.length < 3) failures.push(String(error?.message ?? error).slice(0, 200));
        }
      }
    }),
  );
  log(
    `  ${ctx.column}: signed in ${tokens.size}/${idxs.length} accounts in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
      (failures.length ? ` (${failures[0]})` : ''),
  );
  return tokens;
}

/** A client back after a restart: a new socket, `room:join` with the seq 200 events back; all 200 must come. */
async function catchUp(ctx, token, head) {
  const since = head - CATCHUP_EVENTS;
  const { socket, ack } = await openSocket(ctx, token, ctx.manifest.bigRoomId, since);
  socket.close();
  const seqs = ack.missed.map((event) => event.seq);
  const complete =
    seqs.length === CATCHUP_EVENTS && seqs.every((seq, i) => seq === since + 1 + i) && !ack.hasMore;
  if (!complete)
    throw new Wrong(
      `catch-up from ${since}: ${seqs.length} events (${seqs[0]}..${seqs.at(-1)}), hasMore ${ack.hasMore}`,
    );
}

/** One result from several runs of the same timed operation. */
function merge(rounds) {
  const sum = (key) => rounds.reduce((total, round) => total + round[key], 0);
  const samples = concat(rounds.map((round) => round.samplesMs));
  return {
    ...stats(samples),
    ok: samples.length,
    failed: sum('failed'),
    timeouts: sum('timeouts'),
    wrong: sum('wrong'),
    skipped: sum('skipped'),
    errors: rounds.flatMap((round) => round.errors).slice(0, 3),
    samplesMs: samples,
  };
}

// ---------------------------------------------------------------- verdict and report
const failures = (op) => (op ? op.failed + op.timeouts + op.wrong + op.skipped : 0);

/** What is broken (exit 1): a stop past the memory limit, an error, a failed, unanswered or wrong sample, a lost message. */
export function agedBroken(aged) {
  const broken = [];
  for (const kind of ['fresh', 'aged']) {
    const c = aged[kind];
    if (!c) continue;
    const name = `forum scale, ${LABELS[kind]}`;
    if (c.stopped) broken.push(`${name}: stopped: ${describeTrip(c.stopped)}`);
    if (c.error) broken.push(`${name}: ${c.error}`);
    for (const [key, op] of Object.entries(c.operations ?? {}))
      if (failures(op))
        broken.push(
          `${name}: ${OPERATIONS[key] ?? key}: failed ${op.failed}, timeouts ${op.timeouts}, wrong ${op.wrong}, skipped ${op.skipped} (${op.errors[0]})`,
        );
    if (c.signIn && c.signIn.accounts < c.signIn.wanted)
      broken.push(`${name}: ${c.signIn.wanted - c.signIn.accounts} accounts could not sign in`);
    if (c.connect?.failed)
      broken.push(`${name}: ${c.connect.failed} clients could not connect (${c.connect.errors[0]})`);
    const f = c.fanout;
    if (f && (f.lost || f.duplicated || f.sendErrors))
      broken.push(`${name}: fan-out lost ${f.lost}, duplicated ${f.duplicated}, send errors ${f.sendErrors}`);
    const flooded = c.flood?.historyDuringFlood;
    if (flooded && flooded.failed + flooded.timeouts)
      broken.push(
        `${name}: history reads failed during the flood (${flooded.failed} errors, ${flooded.timeouts} timeouts)`,
      );
  }
  return broken;
}

/**
 * One fan-out round's p99 on this 2-core machine moves by ×2 between runs of the same commit (a GC pause or the
 * other phase's leftovers land in 1% of 40,000 deliveries), so the fresh/third-day ratio is taken between the
 * median rounds of several; losses and duplicates are summed over all rounds, since any one of them is a fault.
 */
function medianRound(rounds) {
  const sorted = [...rounds].sort((a, b) => a.latencyMs.p99 - b.latencyMs.p99);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const sum = (key) => rounds.reduce((total, round) => total + round[key], 0);
  return {
    ...median,
    lost: sum('lost'),
    duplicated: sum('duplicated'),
    sendErrors: sum('sendErrors'),
    roundsP99Ms: rounds.map((round) => +round.latencyMs.p99.toFixed(1)),
  };
}

const figure = (op) => {
  if (!op) return 'not run';
  const base = op.ok ? `${ms(op.p50)} / ${ms(op.p95)} / ${ms(op.max)}` : '—';
  const bad = failures(op);
  return bad ? `${base} (${op.ok}/${op.ok + bad} ok)` : base;
};
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `×${(a / b).toFixed(2)}` : '');

export function agedReport(aged) {
  const { fresh = {}, aged: old = {} } = aged;
  const rows = [['operation (p50 / p95 / max)', 'fresh', 'third day', 'p95 third/fresh']];
  for (const [key, label] of Object.entries(OPERATIONS)) {
    const a = fresh.operations?.[key];
    const b = old.operations?.[key];
    if (!a && !b) continue;
    rows.push([label, figure(a), figure(b), ratio(b?.p95, a?.p95)]);
  }
  const fan = (c) =>
    c.fanout
      ? `${ms(c.fanout.latencyMs.p50)} / ${ms(c.fanout.latencyMs.p95)} / ${ms(c.fanout.latencyMs.p99)} (lost ${c.fanout.lost}; p99 of each round ${c.fanout.roundsP99Ms.join(', ')} ms)`
      : 'not run';
  rows.push([
    `fan-out to ${old.connect?.connected ?? fresh.connect?.connected ?? '?'} members, median round of ${old.fanout?.roundsP99Ms.length ?? fresh.fanout?.roundsP99Ms.length ?? '?'} (p50 / p95 / p99)`,
    fan(fresh),
    fan(old),
    ratio(old.fanout?.latencyMs.p99, fresh.fanout?.latencyMs.p99) &&
      `p99 ${ratio(old.fanout?.latencyMs.p99, fresh.fanout?.latencyMs.p99)}`,
  ]);
  const floodCell = (c) =>
    c.flood
      ? `${ms(c.flood.historyAlone.p50)} / ${ms(c.flood.historyAlone.p95)} → ${ms(c.flood.historyDuringFlood.p50)} / ${ms(c.flood.historyDuringFlood.p95)}` +
        (Number.isFinite(c.flood.p95Ratio)
          ? ` (×${c.flood.p50Ratio.toFixed(2)} / ×${c.flood.p95Ratio.toFixed(2)})`
          : '')
      : 'not run';
  rows.push(['history p50 / p95: alone → during a flood', floodCell(fresh), floodCell(old), '']);
  const mb = (value) => (Number.isFinite(value) ? value : '—');
  const mem = (c, key) =>
    c.memory?.[key] ? `${mb(c.memory[key].apiMB)} / ${mb(c.memory[key].ferretdbMB)} MB` : '—';
  rows.push(['RSS API / FerretDB after boot', mem(fresh, 'afterBootMB'), mem(old, 'afterBootMB'), '']);
  rows.push([
    'RSS API / FerretDB after the operations',
    mem(fresh, 'afterOperationsMB'),
    mem(old, 'afterOperationsMB'),
    '',
  ]);
  rows.push([
    `RSS API / FerretDB with the members connected`,
    mem(fresh, 'connectedMB'),
    mem(old, 'connectedMB'),
    '',
  ]);
  rows.push(['RSS API / FerretDB, peak', mem(fresh, 'peakMB'), mem(old, 'peakMB'), '']);
  const per1000 = (c) => (Number.isFinite(c.memory?.mbPer1000) ? `${c.memory.mbPer1000} MB` : '—');
  rows.push(['API RSS per 1000 connected clients', per1000(fresh), per1000(old), '']);
  const signedIn = (c) =>
    c.signIn ? `${c.signIn.accounts} in ${c.signIn.seconds} s (${c.signIn.perSecond}/s)` : '—';
  rows.push(['sign in every account, 16 at a time', signedIn(fresh), signedIn(old), '']);
  const written = (c) =>
    c.write
      ? `${Object.values(c.write.counts).reduce((a, b) => a + b, 0)} documents in ${c.write.seconds} s`
      : '—';
  rows.push(['written straight into the database', written(fresh), written(old), '']);
  const out = [
    '',
    `Forum scale: the same operations on a fresh database and on the forum's third day (${aged.config.samples} samples each, requests bounded at ${aged.config.timeoutS} s, RSS limit ${aged.config.rssLimitMB} MB)`,
    '',
    table(rows),
  ];
  for (const [kind, c] of [
    ['fresh', fresh],
    ['third day', old],
  ]) {
    if (c.stopped) out.push(`${kind}: STOPPED — ${describeTrip(c.stopped)}`);
    if (c.error) out.push(`${kind}: stopped by an error: ${c.error}`);
  }
  return out.join('\n');
}
