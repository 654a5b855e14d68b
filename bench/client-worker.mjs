// Load-generator worker for bench/run.mjs (forked with serialization: 'advanced'). Holds a share of the
// benchmark's clients, runs what the parent asks over IPC ({ id, cmd, ...args } → { id, result | error }),
// and measures send → delivery latency against the shared wall clock (performance.timeOrigin + now()).
import { socketClass, traffic } from './lite-socket.mjs';

const now = () => performance.timeOrigin + performance.now();
const sleepUntil = (at) => new Promise((done) => setTimeout(done, Math.max(0, at - now())));

/** slot → { idx, token, socket, lastSeq, seen?: Set<seq> (only while catching up) } */
const clients = [];
const bySlotIdx = new Map();
/** runId → { messages, counts: Uint8Array(slots × messages), latencies: Float64Array, n, first, last } */
const runs = new Map();
let Socket = socketClass('lite');

function onRoomEvent(client, event) {
  if (typeof event?.seq === 'number') {
    if (client.seen) {
      if (client.seen.has(event.seq)) {
        client.overlap = (client.overlap ?? 0) + 1;
        return;
      }
      client.seen.add(event.seq);
    }
    if (event.seq > client.lastSeq) client.lastSeq = event.seq;
  }
  if (event?.type !== 'message.created') return;
  const clientId = event.payload?.clientId;
  if (typeof clientId !== 'string') return;
  const dash = clientId.indexOf('-');
  const run = runs.get(clientId.slice(0, dash));
  if (!run) return;
  const index = Number(clientId.slice(dash + 1));
  if (!(index >= 0 && index < run.messages)) return;
  const at = now();
  const cell = client.slot * run.messages + index;
  run.counts[cell] += 1;
  if (run.counts[cell] > 1) {
    run.duplicates += 1;
    return;
  }
  // text: "<runId> <index> <sentAt>"
  const sentAt = Number(event.payload.text.slice(event.payload.text.lastIndexOf(' ') + 1));
  if (client.live !== false) {
    if (run.n === run.latencies.length) {
      const grown = new Float64Array(run.latencies.length * 2);
      grown.set(run.latencies);
      run.latencies = grown;
    }
    run.latencies[run.n++] = at - sentAt;
  } else run.replayed += 1;
  if (at > run.last) run.last = at;
}

async function open(client, url, roomId, sinceSeq, timeoutMs = 120_000) {
  const socket = await Socket.connect(
    url,
    { token: client.token },
    { timeoutMs: Math.min(timeoutMs, 30_000) },
  );
  client.socket = socket;
  socket.on('room:event', (event) => onRoomEvent(client, event));
  const missed = [];
  let ack = await socket.emitWithAck(
    'room:join',
    sinceSeq === undefined ? { roomId } : { roomId, sinceSeq },
    timeoutMs,
  );
  if (!ack?.ok) throw new Error(`room:join: ${JSON.stringify(ack?.error)}`);
  missed.push(...ack.missed);
  while (ack.hasMore) {
    const last = ack.missed[ack.missed.length - 1].seq;
    ack = await socket.emitWithAck('room:join', { roomId, sinceSeq: last }, timeoutMs);
    if (!ack?.ok) throw new Error(`room:join: ${JSON.stringify(ack?.error)}`);
    missed.push(...ack.missed);
  }
  client.live = false;
  for (const event of missed) onRoomEvent(client, event);
  client.live = true;
  if (ack.seq > client.lastSeq) client.lastSeq = ack.seq;
  return socket;
}

async function pool(items, concurrency, fn) {
  let next = 0;
  const results = new Array(items.length);
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

function summary(values) {
  const sorted = Float64Array.from(values).sort();
  return sorted;
}

const commands = {
  async init({ clientKind }) {
    Socket = socketClass(clientKind);
    return {};
  },

  async connect({ url, roomId, users, concurrency, timeoutMs }) {
    const started = now();
    const errors = [];
    const fresh = users.map(({ idx, token }) => {
      const client = { idx, token, slot: clients.length, lastSeq: 0, socket: null };
      clients.push(client);
      bySlotIdx.set(idx, client);
      return client;
    });
    await pool(fresh, concurrency, async (client) => {
      try {
        await open(client, url, roomId, undefined, timeoutMs);
      } catch (error) {
        errors.push(String(error?.message ?? error));
      }
    });
    return {
      connected: fresh.length - errors.length,
      failed: errors.length,
      errors: errors.slice(0, 5),
      ms: now() - started,
    };
  },

  async track({ runId, messages }) {
    runs.set(runId, {
      messages,
      counts: new Uint8Array(clients.length * messages),
      latencies: new Float64Array(Math.max(1024, clients.length * messages)),
      n: 0,
      duplicates: 0,
      replayed: 0,
      last: 0,
    });
    return {};
  },

  /** Sends messages 0..messages-1 of a run at startAt + i / rate, from the listed senders in turn. */
  async send({ runId, messages, rate, senders, startAt, roomId, threadId, only }) {
    const acks = [];
    const errors = [];
    const pending = [];
    for (let i = 0; i < messages; i++) {
      const idx = senders[i % senders.length];
      if (only && !only.includes(idx)) continue;
      const sender = bySlotIdx.get(idx);
      await sleepUntil(startAt + (i * 1000) / rate);
      const sentAt = now();
      pending.push(
        sender.socket
          .emitWithAck('message:send', {
            roomId,
            threadId,
            text: `${runId} ${i} ${sentAt}`,
            clientId: `${runId}-${i}`,
          })
          .then(
            (ack) => {
              if (ack?.ok) acks.push(now() - sentAt);
              else errors.push(JSON.stringify(ack?.error));
            },
            (error) => errors.push(String(error?.message ?? error)),
          ),
      );
    }
    await Promise.all(pending);
    return {
      acked: acks.length,
      errors: errors.length,
      errorSample: errors.slice(0, 3),
      ackLatencies: summary(acks),
      lastSendAt: now(),
    };
  },

  async progress({ runId }) {
    const run = runs.get(runId);
    let unique = 0;
    for (const count of run.counts) if (count) unique += 1;
    return { unique, duplicates: run.duplicates };
  },

  async collect({ runId, idxs }) {
    const run = runs.get(runId);
    let unique = 0;
    for (const count of run.counts) if (count) unique += 1;
    // Per listed client: does it hold exactly the full message set?
    const perClient = (idxs ?? [])
      .filter((idx) => bySlotIdx.has(idx))
      .map((idx) => {
        const client = bySlotIdx.get(idx);
        let have = 0;
        let dup = 0;
        for (let i = 0; i < run.messages; i++) {
          const count = run.counts[client.slot * run.messages + i];
          if (count) have += 1;
          if (count > 1) dup += count - 1;
        }
        return { idx, have, dup, overlap: client.overlap ?? 0 };
      });
    return {
      slots: clients.length,
      unique,
      duplicates: run.duplicates,
      replayed: run.replayed,
      latencies: run.latencies.slice(0, run.n),
      last: run.last,
      perClient,
    };
  },

  /** Each local client votes once, spread evenly over [startAt, startAt + spreadMs). */
  async vote({ pollId, choices, startAt, spreadMs, total }) {
    const acks = [];
    const errors = [];
    await Promise.all(
      clients.map(async (client) => {
        await sleepUntil(startAt + (client.idx / total) * spreadMs);
        const sentAt = now();
        try {
          const ack = await client.socket.emitWithAck(
            'poll:vote',
            { pollId, optionIds: [choices[client.idx]] },
            40_000,
          );
          if (ack?.ok) acks.push(now() - sentAt);
          else errors.push(JSON.stringify(ack?.error));
        } catch (error) {
          errors.push(String(error?.message ?? error));
        }
      }),
    );
    const timeouts = errors.filter((e) => e.includes('no ack within')).length;
    return {
      acked: acks.length,
      errors: errors.length,
      timeouts,
      errorSample: errors.slice(0, 3),
      ackLatencies: summary(acks),
      lastAckAt: now(),
    };
  },

  async disconnect({ idxs }) {
    for (const idx of idxs) {
      const client = bySlotIdx.get(idx);
      if (!client) continue;
      client.socket.close();
      client.socket = null;
    }
    return {};
  },

  /** New socket, `room:join` with the last seq seen, following `hasMore`; times reconnect → caught up. */
  async reconnect({ idxs, url, roomId, concurrency }) {
    const mine = idxs.map((idx) => bySlotIdx.get(idx)).filter(Boolean);
    const times = [];
    const errors = [];
    await pool(mine, concurrency, async (client) => {
      const started = now();
      client.seen = new Set();
      try {
        await open(client, url, roomId, client.lastSeq);
        times.push(now() - started);
      } catch (error) {
        errors.push(String(error?.message ?? error));
      }
    });
    return { times: summary(times), errors: errors.length, errorSample: errors.slice(0, 3) };
  },

  /** Received frames/bytes per event name and unexpected disconnects since the last call. */
  async traffic() {
    const snapshot = structuredClone(traffic);
    traffic.frames = {};
    traffic.bytes = {};
    traffic.disconnects = 0;
    traffic.closeCodes = {};
    return { ...snapshot, connected: clients.filter((c) => c.socket?.connected).length };
  },

  async closeAll() {
    for (const client of clients) client.socket?.close();
    clients.length = 0;
    bySlotIdx.clear();
    runs.clear();
    return {};
  },

  /** Posts `count` messages over a few sockets, each with up to `window` unacknowledged sends. */
  async fill({ url, tokens, roomId, threadId, count, window, runId }) {
    const sockets = await Promise.all(tokens.map((token) => Socket.connect(url, { token })));
    const started = now();
    let next = 0;
    let ok = 0;
    const errors = [];
    let lastProgress = started;
    await Promise.all(
      sockets.flatMap((socket) =>
        Array.from({ length: window }, async () => {
          while (next < count) {
            const i = next++;
            try {
              const ack = await socket.emitWithAck(
                'message:send',
                { roomId, threadId, text: `${runId} ${i} history`, clientId: `${runId}-${i}` },
                120_000,
              );
              if (ack?.ok) ok += 1;
              else errors.push(JSON.stringify(ack?.error));
            } catch (error) {
              errors.push(String(error?.message ?? error));
            }
            if (now() - lastProgress > 10_000) {
              lastProgress = now();
              process.send({
                progress: `history fill ${ok}/${count} (${((ok * 1000) / (lastProgress - started)).toFixed(0)} msg/s)`,
              });
            }
          }
        }),
      ),
    );
    const ms = now() - started;
    for (const socket of sockets) socket.close();
    return { ok, errors: errors.length, errorSample: errors.slice(0, 3), ms };
  },
};

process.on('message', async ({ id, cmd, ...args }) => {
  try {
    const result = await commands[cmd](args);
    process.send({ id, result });
  } catch (error) {
    process.send({ id, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
