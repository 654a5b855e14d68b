// Helix live benchmark (npm run bench). Starts everything itself on loopback: the built API
// (dist/apps/api/main.js, embedded FerretDB, throwaway data dir) and a bare Socket.IO baseline, each as a
// child process; clients live in forked worker processes (bench/client-worker.mjs).
// Prints a table, writes bench/results/latest.json. Never fails on time; exits 1 only if something broke
// (lost or duplicated messages, a wrong tally, clients that could not connect).
//
//   npm run bench                       full run (2000 clients; see --help for flags)
//   npm run bench -- --quick            smoke: 200 clients, fewer messages, 5000 history messages
//   npm run bench -- --find-max         largest N with fan-out p95 < 250 ms at 20 msg/s
//   npm run bench -- --profile          API child with --cpu-prof into tmp/prof (see cpuprofile-summary.mjs)
//   npm run bench -- --only first-paint first paint of the built web client on an emulated phone (first-paint.mjs)
//   npm run bench -- --aged             only the forum-scale phase: fresh vs third-day database (bench/aged/)
import { fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import WebSocket from 'ws';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { api, freePort, root, rssMB, startHelix } from './helix-server.mjs';
import {
  apiRss,
  concat,
  connectClients,
  cpuMark,
  elapsedS,
  fanout as fanoutAt,
  log,
  machine,
  ms,
  now,
  sleep,
  stats,
  table,
  Workers,
} from './harness.mjs';
import { FIRST_PAINT_DEFAULTS, firstPaint, firstPaintReport } from './first-paint.mjs';
import { agedBroken, agedPhase, agedReport } from './aged/aged-phase.mjs';

const { values: flags } = parseArgs({
  options: {
    clients: { type: 'string' },
    senders: { type: 'string', default: '4' },
    messages: { type: 'string' },
    rate: { type: 'string', default: '20' },
    workers: { type: 'string', default: '2' },
    'history-messages': { type: 'string' },
    'history-reads': { type: 'string', default: '20' },
    'catchup-clients': { type: 'string' },
    'catchup-offline-s': { type: 'string', default: '10' },
    'register-concurrency': { type: 'string', default: '32' },
    'connect-concurrency': { type: 'string', default: '100' },
    client: { type: 'string', default: 'lite' },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'find-max': { type: 'boolean', default: false },
    steps: { type: 'string', default: '500,1000,1500,2000,3000,4000,5000,6000,8000' },
    'p95-limit': { type: 'string', default: '250' },
    'max-messages': { type: 'string', default: '100' },
    profile: { type: 'boolean', default: false },
    'first-paint-runs': { type: 'string' },
    'first-paint-cpu': { type: 'string', default: String(FIRST_PAINT_DEFAULTS.cpu) },
    'first-paint-rtt-ms': { type: 'string', default: String(FIRST_PAINT_DEFAULTS.rttMs) },
    'first-paint-down-kbps': { type: 'string', default: String(FIRST_PAINT_DEFAULTS.downKbps) },
    'first-paint-up-kbps': { type: 'string', default: String(FIRST_PAINT_DEFAULTS.upKbps) },
    'first-paint-port': { type: 'string' },
    api: { type: 'string' },
    out: { type: 'string' },
    aged: { type: 'boolean', default: false },
    'aged-samples': { type: 'string', default: '30' },
    'aged-timeout-s': { type: 'string', default: '15' },
    'aged-boot-timeout-s': { type: 'string', default: '300' },
    'aged-rss-limit-mb': { type: 'string', default: '6144' },
    'aged-restarts': { type: 'string', default: '3' },
    'aged-fanout-rounds': { type: 'string', default: '3' },
    'aged-flood-per-kind': { type: 'string', default: '400' },
    'aged-flood-max-s': { type: 'string', default: '120' },
    'aged-seed': { type: 'string', default: '3' },
    'aged-keep': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log(`node bench/run.mjs [--quick] [--find-max] [--clients N=2000] [--senders K=4] [--messages M=200]
  [--rate R=20] [--workers W=2] [--history-messages H=5000] [--history-reads 20] [--catchup-clients C=200] [--catchup-offline-s 10]
  [--client lite|socket.io-client] [--only bare,fanout,vote,catchup,history,first-paint,aged] [--profile]
  aged (forum scale; --aged runs only it): [--aged-samples 30] [--aged-timeout-s 15] [--aged-boot-timeout-s 300]
    [--aged-rss-limit-mb 6144] [--aged-restarts 3] [--aged-fanout-rounds 3] [--aged-flood-per-kind 400] [--aged-flood-max-s 120]
    [--aged-seed 3] [--aged-keep (keep both data folders)]
  find-max: [--steps 500,1000,...] [--p95-limit 250] [--max-messages 100]
  first-paint: [--first-paint-runs 5 (--quick: 3)] [--first-paint-cpu 4] [--first-paint-rtt-ms 150]
    [--first-paint-down-kbps 1600] [--first-paint-up-kbps 750] [--first-paint-port P (default: a free one)]`);
  process.exit(0);
}
if (flags.api) process.env.HELIX_API_MAIN = resolve(flags.api);
const quick = flags.quick;
const N = Number(flags.clients ?? (quick ? 200 : 2000));
const K = Number(flags.senders);
const M = Number(flags.messages ?? (quick ? 60 : 200));
const RATE = Number(flags.rate);
const W = Number(flags.workers);
// 100,000 does not fit the 5-minute budget on the embedded database (see bench/README.md); --history-messages 100000 runs it.
const HISTORY = Number(flags['history-messages'] ?? 5000);
const CATCHUP = Math.min(Number(flags['catchup-clients'] ?? (quick ? 50 : 200)), N - K);
const OFFLINE_MS = Number(flags['catchup-offline-s']) * 1000;
const CONNECT_CONCURRENCY = Number(flags['connect-concurrency']);
/** The fan-out phase at this run's senders and rate. */
const fanout = (workers, run) => fanoutAt(workers, { ...run, senders: K, rate: RATE });
const LIVE_PHASES = ['bare', 'fanout', 'vote', 'catchup', 'history'];
const phases = new Set(
  (flags.only ?? (flags.aged ? 'aged' : [...LIVE_PHASES, 'first-paint', 'aged'].join(','))).split(','),
);
const livePhases = LIVE_PHASES.some((name) => phases.has(name));
// A first-paint run alone keeps the live figures in latest.json.
flags.out ??= join(
  root,
  `bench/results/${livePhases || flags['find-max'] || phases.has('aged') ? 'latest' : 'first-paint'}.json`,
);
const ADMIN_EMAIL = 'bench-admin@helix.test';
let broken = [];

/** Per-phase CPU profiles of the API child through its inspector (--profile), written to tmp/prof/<phase>.cpuprofile. */
async function connectProfiler(port) {
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const ws = new WebSocket(target.webSocketDebuggerUrl, { maxPayload: 1024 * 1024 * 1024 });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let nextId = 1;
  const pending = new Map();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString());
    if (message.id && pending.has(message.id)) {
      pending.get(message.id)(message);
      pending.delete(message.id);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 1000 });
  mkdirSync(join(root, 'tmp/prof'), { recursive: true });
  return {
    start: () => send('Profiler.start'),
    async stop(name) {
      const { result } = await send('Profiler.stop');
      const file = join(root, 'tmp/prof', `${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify(result.profile));
      log(`profile: ${file}`);
    },
    close: () => ws.close(),
  };
}
const noProfiler = { start: async () => undefined, stop: async () => undefined, close: () => undefined };

async function register(url, count, from = 0) {
  const users = new Array(count);
  let next = 0;
  const t0 = now();
  let lastLog = t0;
  await Promise.all(
    Array.from({ length: Number(flags['register-concurrency']) }, async () => {
      while (next < count) {
        const i = next++;
        const idx = from + i;
        const body = {
          email: `bench${idx}@helix.test`,
          password: 'bench password',
          displayName: `Bench ${idx}`,
          organization: `Org ${idx % 40}`,
          stakeholderGroup: ['university', 'business', 'government', 'civil_society'][idx % 4],
        };
        for (let attempt = 0; ; attempt++) {
          try {
            const response = await api(url, '/auth/register', { body });
            users[i] = { idx, token: response.accessToken, id: response.user.id };
            break;
          } catch (error) {
            if (attempt >= 3) throw error;
            await sleep(200);
          }
        }
        if (now() - lastLog > 5000) {
          lastLog = now();
          log(`  registered ${next}/${count}`);
        }
      }
    }),
  );
  return { users, seconds: (now() - t0) / 1000 };
}

async function startBare() {
  const port = await freePort();
  const child = fork(join(import.meta.dirname, 'bare-server.mjs'), [], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', () => reject(new Error('the bare server exited during start')));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

async function mainRun() {
  const results = {
    machine: machine(),
    startedAt: new Date().toISOString(),
    loadavgAtStart: loadavg(),
    config: {
      clients: N,
      senders: K,
      messages: M,
      rate: RATE,
      workers: W,
      client: flags.client,
      historyMessages: HISTORY,
      catchupClients: CATCHUP,
      catchupOfflineS: OFFLINE_MS / 1000,
      quick,
    },
  };
  log(
    `machine: ${results.machine.cores} × ${results.machine.model}, ${results.machine.totalMemoryGB} GB, Node ${results.machine.node}, commit ${results.machine.helixCommit.slice(0, 10)}${results.machine.workingTreeDirty ? ' (dirty tree)' : ''}`,
  );

  // ---- first paint on an emulated phone (its own server and browser, before the live load)
  if (phases.has('first-paint')) {
    results.firstPaint = await firstPaint({
      runs: Number(flags['first-paint-runs'] ?? (quick ? 3 : FIRST_PAINT_DEFAULTS.runs)),
      cpu: Number(flags['first-paint-cpu']),
      rttMs: Number(flags['first-paint-rtt-ms']),
      downKbps: Number(flags['first-paint-down-kbps']),
      upKbps: Number(flags['first-paint-up-kbps']),
      port: flags['first-paint-port'] ? Number(flags['first-paint-port']) : undefined,
      log,
    });
    for (const [name, scenario] of Object.entries(results.firstPaint.scenarios))
      if (scenario.fromCache) broken.push(`first-paint: ${name} loaded from cache, not cold`);
  }
  if (!livePhases) return results;
  log(`config: N=${N} K=${K} M=${M} rate=${RATE}/s workers=${W} client=${flags.client} history=${HISTORY}`);

  // ---- baseline: bare Socket.IO
  if (phases.has('bare')) {
    const bare = await startBare();
    const workers = new Workers(W, flags.client);
    try {
      await workers.ready;
      const rss0 = rssMB(bare.child.pid);
      const users = Array.from({ length: N }, (_, idx) => ({ idx, token: `bare-${idx}` }));
      log(`bare: connecting ${N} clients`);
      const connect = await connectClients(workers, bare.url, 'bench-room', users, CONNECT_CONCURRENCY);
      log(
        `bare: ${connect.connected} connected, ${connect.failed} failed in ${connect.seconds.toFixed(1)} s`,
      );
      if (connect.failed)
        broken.push(`bare: ${connect.failed} clients failed to connect (${connect.errors[0]})`);
      await sleep(1000);
      const rssN = rssMB(bare.child.pid);
      results.bare = {
        connect,
        fanout: await fanout(workers, {
          runId: 'bare',
          clients: connect.connected,
          messages: M,
          roomId: 'bench-room',
          threadId: 'bench-thread',
          label: 'bare fan-out',
        }),
        memory: {
          idleMB: +rss0.toFixed(1),
          connectedMB: +rssN.toFixed(1),
          mbPer1000: +(((rssN - rss0) / N) * 1000).toFixed(1),
        },
      };
    } finally {
      workers.close();
      await bare.stop();
    }
  }

  // ---- Helix
  const inspectPort = flags.profile ? await freePort() : 0;
  const helix = await startHelix(
    { ADMIN_EMAILS: ADMIN_EMAIL, ACCESS_TOKEN_TTL_SECONDS: '3600' },
    flags.profile ? { nodeArgs: [`--inspect=127.0.0.1:${inspectPort}`] } : undefined,
  );
  const workers = new Workers(W, flags.client);
  const profiler = flags.profile ? await connectProfiler(inspectPort) : noProfiler;
  results.helix = { cpu: {}, traffic: {} };
  /** Runs a phase with CPU accounting, received-traffic counters and (with --profile) a CPU profile. */
  const phase = async (name, fn) => {
    await workers.all('traffic');
    const mark = cpuMark(helix.child.pid, workers);
    await profiler.start();
    try {
      return await fn();
    } finally {
      await profiler.stop(name);
      results.helix.cpu[name] = mark();
      const traffic = await workers.all('traffic');
      const sum = (key) =>
        traffic.reduce((acc, t) => {
          for (const [k, v] of Object.entries(t[key])) acc[k] = (acc[k] ?? 0) + v;
          return acc;
        }, {});
      results.helix.traffic[name] = {
        frames: sum('frames'),
        mb: Object.fromEntries(Object.entries(sum('bytes')).map(([k, v]) => [k, +(v / 2 ** 20).toFixed(1)])),
        unexpectedDisconnects: traffic.reduce((acc, t) => acc + t.disconnects, 0),
        closeCodes: sum('closeCodes'),
        stillConnected: traffic.reduce((acc, t) => acc + t.connected, 0),
      };
      const c = results.helix.cpu[name];
      const t = results.helix.traffic[name];
      log(
        `  [${name}] ${c.wallS} s wall; CPU s: API ${c.serverCpuS}, FerretDB ${c.ferretdbCpuS}, clients ${c.workersCpuS}; load ${c.loadavg1}; received ${JSON.stringify(t.mb)} MB; disconnects ${t.unexpectedDisconnects}`,
      );
    }
  };
  try {
    await workers.ready;
    const memStart = apiRss(helix);
    log(`helix: up at ${helix.url} (pid ${helix.child.pid}), API RSS ${memStart.apiMB} MB`);
    const admin = await api(helix.url, '/auth/register', {
      body: {
        email: ADMIN_EMAIL,
        password: 'bench password',
        displayName: 'Bench admin',
        organization: 'Bench',
        stakeholderGroup: 'government',
      },
    });
    const adminToken = admin.accessToken;
    const rooms = await api(helix.url, '/rooms', { token: adminToken });
    const [room, historyRoom] = rooms;
    const thread = await api(helix.url, `/rooms/${room.id}/threads`, {
      token: adminToken,
      body: { title: 'Bench fan-out' },
    });

    log(`helix: registering ${N} users (${flags['register-concurrency']} concurrent)`);
    const reg = await phase('register', () => register(helix.url, N));
    log(`helix: registered ${N} users in ${reg.seconds.toFixed(1)} s (${(N / reg.seconds).toFixed(0)}/s)`);
    results.helix.register = { users: N, seconds: reg.seconds, perSecond: N / reg.seconds };
    await sleep(1000);
    const mem0 = apiRss(helix);

    log(`helix: connecting ${N} clients and joining room ${room.slug}`);
    const connect = await phase('connect', () =>
      connectClients(workers, helix.url, room.id, reg.users, CONNECT_CONCURRENCY),
    );
    log(
      `helix: ${connect.connected} connected+joined, ${connect.failed} failed in ${connect.seconds.toFixed(1)} s`,
    );
    if (connect.failed)
      broken.push(`helix: ${connect.failed} clients failed to connect (${connect.errors[0]})`);
    results.helix.connect = connect;
    await sleep(2000);
    const memN = apiRss(helix);
    results.helix.memory = {
      startMB: memStart.apiMB,
      idleMB: mem0.apiMB,
      connectedMB: memN.apiMB,
      clients: connect.connected,
      mbPer1000: +(((memN.apiMB - mem0.apiMB) / connect.connected) * 1000).toFixed(1),
      ferretdbIdleMB: mem0.ferretdbMB,
      ferretdbConnectedMB: memN.ferretdbMB,
    };
    log(
      `helix: API RSS ${mem0.apiMB} MB with 0 clients, ${memN.apiMB} MB with ${connect.connected} (${results.helix.memory.mbPer1000} MB / 1000 clients)`,
    );

    if (phases.has('fanout')) {
      results.helix.fanout = await phase('fanout', () =>
        fanout(workers, {
          runId: 'fan',
          clients: connect.connected,
          messages: M,
          roomId: room.id,
          threadId: thread.id,
          label: 'helix fan-out',
        }),
      );
    }

    if (phases.has('catchup'))
      await phase('catchup', async () => {
        const preMs = 2000;
        const postMs = 4000;
        const messages = Math.round(((preMs + OFFLINE_MS + postMs) / 1000) * RATE);
        const offline = Array.from({ length: CATCHUP }, (_, i) => connect.connected - 1 - i);
        await workers.all('track', { runId: 'cu', messages });
        const startAt = now() + 500;
        log(
          `catch-up: 1 sender posts ${messages} messages at ${RATE}/s; ${CATCHUP} clients offline for ${OFFLINE_MS / 1000} s`,
        );
        const sends = workers.each((child) =>
          workers.call(child, 'send', {
            runId: 'cu',
            messages,
            rate: RATE,
            senders: [0],
            startAt,
            roomId: room.id,
            threadId: thread.id,
            only: workers.owner(0) === child ? [0] : [],
          }),
        );
        await sleep(startAt + preMs - now());
        await workers.each((child) =>
          workers.call(child, 'disconnect', { idxs: offline.filter((idx) => workers.owner(idx) === child) }),
        );
        log(`catch-up: ${CATCHUP} clients disconnected`);
        await sleep(startAt + preMs + OFFLINE_MS - now());
        log(`catch-up: reconnecting ${CATCHUP} clients with sinceSeq`);
        const back = await workers.each((child) =>
          workers.call(child, 'reconnect', {
            idxs: offline.filter((idx) => workers.owner(idx) === child),
            url: helix.url,
            roomId: room.id,
            concurrency: 200,
          }),
        );
        const sent = await sends;
        const expected = connect.connected * messages;
        const deadline = now() + 30_000;
        for (;;) {
          const progress = await workers.all('progress', { runId: 'cu' });
          if (progress.reduce((sum, p) => sum + p.unique, 0) >= expected || now() > deadline) break;
          await sleep(200);
        }
        const collected = await workers.all('collect', { runId: 'cu', idxs: offline });
        const perClient = collected.flatMap((c) => c.perClient);
        const unique = collected.reduce((sum, c) => sum + c.unique, 0);
        const complete = perClient.filter((c) => c.have === messages && c.dup === 0).length;
        const times = stats(concat(back.map((b) => b.times)));
        const reconnectErrors = back.reduce((sum, b) => sum + b.errors, 0);
        results.helix.catchup = {
          clients: CATCHUP,
          offlineS: OFFLINE_MS / 1000,
          messages,
          sendErrors: sent.reduce((sum, s) => sum + s.errors, 0),
          reconnectErrors,
          reconnectErrorSample: back.flatMap((b) => b.errorSample).slice(0, 3),
          catchupMs: times,
          reconnectedComplete: complete,
          reconnectedLost: perClient.reduce((sum, c) => sum + (messages - c.have), 0),
          reconnectedDuplicated: perClient.reduce((sum, c) => sum + c.dup, 0),
          liveReplayOverlapDeduped: perClient.reduce((sum, c) => sum + c.overlap, 0),
          replayedMessages: collected.reduce((sum, c) => sum + c.replayed, 0),
          allClientsLost: expected - unique,
          allClientsDuplicated: collected.reduce((sum, c) => sum + c.duplicates, 0),
          liveLatencyMs: stats(concat(collected.map((c) => c.latencies))),
        };
        const cu = results.helix.catchup;
        if (complete !== CATCHUP || cu.allClientsLost || cu.allClientsDuplicated || reconnectErrors)
          broken.push(
            `catch-up: ${complete}/${CATCHUP} complete, lost ${cu.allClientsLost}, duplicated ${cu.allClientsDuplicated}, reconnect errors ${reconnectErrors}`,
          );
        log(
          `catch-up: ${complete}/${CATCHUP} reconnected clients hold exactly all ${messages} messages; catch-up p50 ${times.p50.toFixed(0)} ms, max ${times.max.toFixed(0)} ms; all clients lost ${cu.allClientsLost}, dup ${cu.allClientsDuplicated}`,
        );
      });

    if (phases.has('vote'))
      await phase('vote', async () => {
        const options = ['A', 'B', 'C', 'D'];
        const draft = await api(helix.url, `/rooms/${room.id}/polls`, {
          token: adminToken,
          body: { question: 'Bench burst', options, multiple: false, anonymous: false },
        });
        const poll = await api(helix.url, `/polls/${draft.id}/open`, { token: adminToken, method: 'POST' });
        const optionIds = poll.options.map((option) => option.id);
        const choices = Array.from(
          { length: N },
          (_, idx) => optionIds[(idx * 7 + (idx >> 3)) % optionIds.length],
        );
        const want = Object.fromEntries(optionIds.map((id) => [id, 0]));
        for (const choice of choices) want[choice] += 1;
        const startAt = now() + 500;
        log(`vote burst: ${N} clients vote within 1 s (poll ${poll.id})`);
        const votes = workers.each((child) =>
          workers.call(child, 'vote', { pollId: poll.id, choices, startAt, spreadMs: 1000, total: N }),
        );
        let final = null;
        let lastPoll = null;
        let polls = 0;
        const pollErrors = [];
        const deadline = startAt + 60_000;
        await sleep(startAt - now());
        while (now() < deadline) {
          // Bounded: a GET that is still running when the 60 s window ends is abandoned.
          try {
            const response = await fetch(`${helix.url}/api/polls/${poll.id}`, {
              headers: { authorization: `Bearer ${adminToken}` },
              signal: AbortSignal.timeout(Math.max(1, Math.ceil(deadline - now()))),
            });
            if (response.ok) lastPoll = await response.json();
            else pollErrors.push(`HTTP ${response.status}`);
          } catch (error) {
            pollErrors.push(String(error?.cause ?? error));
            if (now() >= deadline) break;
          }
          polls += 1;
          if (
            lastPoll &&
            lastPoll.voters === N &&
            lastPoll.options.every((option) => option.votes === want[option.id])
          ) {
            final = now();
            break;
          }
          await sleep(50);
        }
        const voteResults = await votes;
        const acked = voteResults.reduce((sum, r) => sum + r.acked, 0);
        const errors = voteResults.reduce((sum, r) => sum + r.errors, 0);
        const exact = final !== null;
        const timeouts = voteResults.reduce((sum, r) => sum + r.timeouts, 0);
        // Wrong (broken) is a tally that counts too much, or that misses votes whose ack said ok; votes still
        // unanswered when the window closes only make the tally late (reported, not broken).
        const wrong =
          (lastPoll?.voters ?? 0) > N ||
          (lastPoll?.options ?? []).some((option) => option.votes > want[option.id]) ||
          (!exact && acked === N);
        const lastAck = Math.max(...voteResults.map((r) => r.lastAckAt));
        results.helix.vote = {
          voters: N,
          acked,
          errors,
          errorSample: voteResults.flatMap((r) => r.errorSample).slice(0, 3),
          tallyFinalS: final === null ? null : (final - startAt) / 1000,
          allAckedS: (lastAck - startAt) / 1000,
          ackMs: stats(concat(voteResults.map((r) => r.ackLatencies))),
          exact,
          wrong,
          unansweredVotes: timeouts,
          lastSeen: {
            voters: lastPoll?.voters,
            votes: Object.fromEntries((lastPoll?.options ?? []).map((o) => [o.label, o.votes])),
          },
          expected: Object.fromEntries(poll.options.map((o) => [o.label, want[o.id]])),
          pollRequests: polls,
          pollErrors: pollErrors.slice(0, 3),
        };
        if (wrong || errors > timeouts)
          broken.push(
            `vote burst: tally wrong (${JSON.stringify(results.helix.vote.lastSeen)}, acked ${acked}, errors ${errors})`,
          );
        log(
          `vote burst: tally ${exact ? 'exact' : wrong ? 'WRONG' : 'not final within 60 s'} after ${results.helix.vote.tallyFinalS?.toFixed(2) ?? '—'} s from burst start; all acks after ${results.helix.vote.allAckedS.toFixed(2)} s, ack p95 ${results.helix.vote.ackMs.p95.toFixed(0)} ms`,
        );
        await sleep(1000);
      });

    await workers.all('closeAll');
    log('helix: all clients disconnected');

    if (phases.has('history')) {
      const historyThread = await api(helix.url, `/rooms/${historyRoom.id}/threads`, {
        token: adminToken,
        body: { title: 'Bench history' },
      });
      const fillers = reg.users.slice(0, 16);
      log(
        `history: filling room ${historyRoom.slug} with ${HISTORY} messages (message:send over ${fillers.length} sockets × 16 in flight)`,
      );
      const fills = await phase('history-fill', () =>
        workers.each((child, w) =>
          workers.call(child, 'fill', {
            url: helix.url,
            tokens: fillers.filter((_, i) => i % W === w).map((user) => user.token),
            roomId: historyRoom.id,
            threadId: historyThread.id,
            count: Math.floor(HISTORY / W) + (w < HISTORY % W ? 1 : 0),
            window: 16,
            runId: `h${w}`,
          }),
        ),
      );
      const ok = fills.reduce((sum, f) => sum + f.ok, 0);
      const fillS = Math.max(...fills.map((f) => f.ms)) / 1000;
      const fillErrors = fills.reduce((sum, f) => sum + f.errors, 0);
      if (ok !== HISTORY)
        broken.push(`history: ${ok}/${HISTORY} messages stored (${fills.flatMap((f) => f.errorSample)[0]})`);
      log(`history: stored ${ok} messages in ${fillS.toFixed(1)} s (${(ok / fillS).toFixed(0)} msg/s)`);
      const timed = async (path) => {
        const times = [];
        let body;
        for (let i = 0; i < Number(flags['history-reads']); i++) {
          const t0 = performance.now();
          body = await api(helix.url, path, { token: adminToken });
          times.push(performance.now() - t0);
        }
        return {
          ...stats(times),
          items: body.items.length,
          firstSeq: body.items[0]?.seq,
          lastSeq: body.items.at(-1)?.seq,
          hasMore: body.hasMore,
        };
      };
      const newest = await phase('history-newest', () =>
        timed(`/rooms/${historyRoom.id}/messages?threadId=${historyThread.id}&limit=50`),
      );
      const deep = await phase('history-deep', () =>
        timed(`/rooms/${historyRoom.id}/messages?threadId=${historyThread.id}&limit=50&beforeSeq=1000`),
      );
      if (newest.items !== 50 || deep.items !== 50 || deep.lastSeq !== 999)
        broken.push(
          `history: unexpected pages (newest ${newest.items} items, deep ${deep.items} items ending at seq ${deep.lastSeq})`,
        );
      results.helix.history = {
        messages: ok,
        fillErrors,
        fillS,
        writePerSecond: ok / fillS,
        newestMs: newest,
        deepMs: deep,
        memoryAfterMB: apiRss(helix),
      };
      log(
        `history: newest 50 median ${newest.p50.toFixed(1)} ms; beforeSeq=1000 median ${deep.p50.toFixed(1)} ms`,
      );
    }
  } finally {
    profiler.close();
    workers.close();
    results.helix.serverSideEmitWarnings = helix.warnings.serverSideEmit;
    await helix.stop();
    rmSync(helix.dataDir, { recursive: true, force: true });
  }

  if (results.bare?.fanout && results.helix.fanout) {
    results.ratios = {
      throughputHelixOverBare:
        results.helix.fanout.deliveriesPerSecond / results.bare.fanout.deliveriesPerSecond,
      p99HelixOverBare: results.helix.fanout.latencyMs.p99 / results.bare.fanout.latencyMs.p99,
      p50HelixOverBare: results.helix.fanout.latencyMs.p50 / results.bare.fanout.latencyMs.p50,
      memoryPer1000HelixOverBare: results.helix.memory.mbPer1000 / results.bare.memory.mbPer1000,
    };
  }
  for (const run of [results.bare?.fanout, results.helix.fanout]) {
    if (run && (run.lost || run.duplicated || run.sendErrors))
      broken.push(`fan-out: lost ${run.lost}, duplicated ${run.duplicated}, send errors ${run.sendErrors}`);
  }
  return results;
}

// ---------------------------------------------------------------- find-max
async function findMax() {
  const steps = flags.steps.split(',').map(Number);
  const limit = Number(flags['p95-limit']);
  const messages = Number(flags['max-messages']);
  const results = {
    machine: machine(),
    startedAt: new Date().toISOString(),
    config: {
      mode: 'find-max',
      steps,
      p95LimitMs: limit,
      messages,
      senders: K,
      rate: RATE,
      workers: W,
      client: flags.client,
    },
    steps: [],
  };
  const helix = await startHelix(
    { ACCESS_TOKEN_TTL_SECONDS: '3600' },
    flags.profile ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${join(root, 'tmp/prof')}`] } : undefined,
  );
  const workers = new Workers(W, flags.client);
  let users = [];
  try {
    await workers.ready;
    const [room] = await (async () => {
      const first = await register(helix.url, 1, 0);
      users = first.users;
      return api(helix.url, '/rooms', { token: users[0].token });
    })();
    const thread = await api(helix.url, `/rooms/${room.id}/threads`, {
      token: users[0].token,
      body: { title: 'Bench find-max' },
    });
    for (const n of steps) {
      if (users.length < n) {
        log(`find-max: registering users ${users.length}..${n - 1}`);
        users = users.concat((await register(helix.url, n - users.length, users.length)).users);
      }
      log(`find-max: N=${n}: connecting`);
      const connect = await connectClients(
        workers,
        helix.url,
        room.id,
        users.slice(0, n),
        CONNECT_CONCURRENCY,
      );
      log(
        `find-max: N=${n}: ${connect.connected} connected, ${connect.failed} failed in ${connect.seconds.toFixed(1)} s`,
      );
      await sleep(2000);
      const memory = apiRss(helix);
      const run = connect.failed
        ? null
        : await fanout(workers, {
            runId: `n${n}`,
            clients: connect.connected,
            messages,
            roomId: room.id,
            threadId: thread.id,
            label: `find-max N=${n}`,
          });
      const pass = !!run && run.lost === 0 && run.duplicated === 0 && run.latencyMs.p95 < limit;
      results.steps.push({ clients: n, connect, memory, fanout: run, pass });
      await workers.all('closeAll');
      await sleep(3000);
      if (!pass) break;
      results.maxClients = n;
    }
  } finally {
    workers.close();
    await helix.stop();
    rmSync(helix.dataDir, { recursive: true, force: true });
  }
  results.maxClients ??= 0;
  return results;
}

// ---------------------------------------------------------------- report
function report(r) {
  const out = [];
  out.push(
    '',
    `Helix live benchmark — ${r.machine.cores} cores ${r.machine.model}, ${r.machine.totalMemoryGB} GB, Node ${r.machine.node}, commit ${r.machine.helixCommit.slice(0, 10)}${r.machine.workingTreeDirty ? ' (dirty)' : ''}`,
  );
  if (r.config.mode === 'find-max') {
    out.push(
      `find-max: fan-out p95 < ${r.config.p95LimitMs} ms at ${r.config.rate} msg/s, ${r.config.messages} messages per step`,
      '',
    );
    out.push(
      table([
        [
          'clients',
          'connected',
          'p50',
          'p95',
          'p99',
          'max',
          'deliveries/s',
          'lost',
          'dup',
          'API RSS',
          'pass',
        ],
        ...r.steps.map((s) => [
          s.clients,
          s.connect.connected,
          ms(s.fanout?.latencyMs.p50),
          ms(s.fanout?.latencyMs.p95),
          ms(s.fanout?.latencyMs.p99),
          ms(s.fanout?.latencyMs.max),
          s.fanout ? s.fanout.deliveriesPerSecond.toFixed(0) : '—',
          s.fanout?.lost ?? '—',
          s.fanout?.duplicated ?? '—',
          `${s.memory.apiMB} MB`,
          s.pass ? 'yes' : 'NO',
        ]),
      ]),
    );
    out.push('', `largest passing N: ${r.maxClients}`);
    return out.join('\n');
  }
  if (r.firstPaint) out.push(firstPaintReport(r.firstPaint, table), '');
  if (!r.bare && !r.helix) return out.join('\n');
  const rows = [['fan-out', 'clients', 'p50', 'p95', 'p99', 'max', 'deliveries/s', 'lost', 'dup', 'ack p50']];
  for (const [name, run] of [
    ['bare Socket.IO', r.bare?.fanout],
    ['Helix', r.helix?.fanout],
  ]) {
    if (run)
      rows.push([
        name,
        run.clients,
        ms(run.latencyMs.p50),
        ms(run.latencyMs.p95),
        ms(run.latencyMs.p99),
        ms(run.latencyMs.max),
        run.deliveriesPerSecond.toFixed(0),
        run.lost,
        run.duplicated,
        ms(run.ackMs.p50),
      ]);
  }
  out.push(
    `fan-out: ${r.config.senders} senders, ${r.config.messages} messages at ${r.config.rate} msg/s (offered ${r.config.clients * r.config.rate} deliveries/s)`,
    '',
    table(rows),
  );
  if (r.ratios)
    out.push(
      '',
      `Helix / bare: throughput ×${r.ratios.throughputHelixOverBare.toFixed(2)}, p99 latency ×${r.ratios.p99HelixOverBare.toFixed(2)} (p50 ×${r.ratios.p50HelixOverBare.toFixed(2)})`,
    );
  const h = r.helix ?? {};
  const lines = [];
  if (h.register)
    lines.push([
      'register',
      `${h.register.users} users in ${h.register.seconds.toFixed(1)} s (${h.register.perSecond.toFixed(0)}/s)`,
    ]);
  if (h.connect)
    lines.push([
      'connect+join',
      `${h.connect.connected} in ${h.connect.seconds.toFixed(1)} s, ${h.connect.failed} failed` +
        (r.bare ? ` (bare: ${r.bare.connect.seconds.toFixed(1)} s)` : ''),
    ]);
  if (h.vote)
    lines.push([
      'vote burst',
      `${h.vote.voters} votes in 1 s: tally final+exact after ${h.vote.tallyFinalS === null ? '—' : `${h.vote.tallyFinalS.toFixed(2)} s`}; all acks ${h.vote.allAckedS.toFixed(2)} s; ack p50 ${ms(h.vote.ackMs.p50)} p95 ${ms(h.vote.ackMs.p95)}; ${h.vote.exact ? 'EXACT' : h.vote.wrong ? 'WRONG' : `not final within 60 s: ${h.vote.lastSeen.voters}/${h.vote.voters} counted, ${h.vote.unansweredVotes} votes unanswered after 40 s`}`,
    ]);
  if (h.catchup)
    lines.push([
      'catch-up',
      `${h.catchup.clients} clients offline ${h.catchup.offlineS} s: catch-up p50 ${ms(h.catchup.catchupMs.p50)}, max ${ms(h.catchup.catchupMs.max)}; ${h.catchup.reconnectedComplete}/${h.catchup.clients} hold exactly all ${h.catchup.messages}; lost ${h.catchup.allClientsLost}, dup ${h.catchup.allClientsDuplicated} (live/replay overlap deduped by seq: ${h.catchup.liveReplayOverlapDeduped})`,
    ]);
  if (h.history)
    lines.push([
      'history',
      `${h.history.messages} messages in ${h.history.fillS.toFixed(1)} s (${h.history.writePerSecond.toFixed(0)} msg/s); newest 50: median ${ms(h.history.newestMs.p50)}; beforeSeq=1000: median ${ms(h.history.deepMs.p50)}`,
    ]);
  if (h.memory)
    lines.push([
      'memory',
      `API RSS ${h.memory.idleMB} MB at 0 clients, ${h.memory.connectedMB} MB at ${h.memory.clients}: ${h.memory.mbPer1000} MB / 1000 clients` +
        (r.bare ? ` (bare: ${r.bare.memory.mbPer1000} MB / 1000)` : ''),
    ]);
  out.push('', table(lines));
  return out.join('\n');
}

// ---------------------------------------------------------------- go
let results;
try {
  results = flags['find-max'] ? await findMax() : await mainRun();
  if (!flags['find-max'] && phases.has('aged')) {
    results.aged = await agedPhase({
      quick,
      clients: N,
      senders: K,
      messages: M,
      rate: RATE,
      workers: W,
      clientKind: flags.client,
      connectConcurrency: CONNECT_CONCURRENCY,
      samples: Number(flags['aged-samples']),
      timeoutS: Number(flags['aged-timeout-s']),
      bootTimeoutS: Number(flags['aged-boot-timeout-s']),
      rssLimitMB: Number(flags['aged-rss-limit-mb']),
      restarts: Number(flags['aged-restarts']),
      fanoutRounds: Number(flags['aged-fanout-rounds']),
      floodPerKind: Number(flags['aged-flood-per-kind']),
      floodMaxS: Number(flags['aged-flood-max-s']),
      seed: Number(flags['aged-seed']),
      keep: flags['aged-keep'],
    });
    broken.push(...agedBroken(results.aged));
  }
} catch (error) {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(1);
}
results.broken = broken;
results.loadavgAtEnd = loadavg();
results.totalS = elapsedS();
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(
  flags.out,
  JSON.stringify(results, (key, value) => (value instanceof Float64Array ? undefined : value), 2),
);
console.log(report(results));
if (results.aged) console.log(agedReport(results.aged));
console.log(
  `\n${broken.length ? `BROKEN:\n  ${broken.join('\n  ')}` : 'nothing lost, duplicated or miscounted'}; results in ${flags.out} (${results.totalS.toFixed(0)} s)`,
);
process.exit(broken.length ? 1 : 0);
