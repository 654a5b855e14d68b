// The end-to-end check for the operator's monitoring, like Zulip's check_send_receive_time: a probe account
// signs in, two sockets join a room, one sends a message, and the time until the other receives it is the
// result. The message is deleted again. Prints one line in the Nagios plugin format and exits 0 (OK),
// 1 (WARNING: slower than --warn-ms) or 2 (CRITICAL: failed or slower than --timeout-ms).
//
//   npm run check -- http://localhost:3000 [--warn-ms 1000] [--timeout-ms 10000]
//
// The probe account: CHECK_EMAIL and CHECK_PASSWORD, or else one made on the first run and kept, readable by
// its owner only, in HELIX_DATA_DIR/check-account.json (default .data). CHECK_ROOM picks the room (an id or
// slug; default the first); the probe writes in its own thread there, "Helix monitoring probe".
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';

const PROBE_THREAD = 'Helix monitoring probe';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'warn-ms': { type: 'string', default: '1000' },
    'timeout-ms': { type: 'string', default: '10000' },
  },
});
const base = positionals[0]?.replace(/\/+$/, '');
if (!base || !/^https?:\/\//.test(base)) {
  console.error('Usage: npm run check -- URL [--warn-ms 1000] [--timeout-ms 10000]');
  process.exit(2);
}
const warnMs = Number(values['warn-ms']);
const timeoutMs = Number(values['timeout-ms']);

class CheckFailed extends Error {}

function probeAccount() {
  if (process.env.CHECK_EMAIL && process.env.CHECK_PASSWORD)
    return { email: process.env.CHECK_EMAIL, password: process.env.CHECK_PASSWORD };
  const dir = resolve(process.env.HELIX_DATA_DIR ?? '.data');
  const file = join(dir, 'check-account.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const account = {
      email: `probe-${randomBytes(4).toString('hex')}@monitoring.invalid`,
      password: randomBytes(18).toString('base64url'),
    };
    writeFileSync(file, JSON.stringify(account), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

async function api(path, { method = 'GET', token, body } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      'X-Request-Id': `check-${randomUUID()}`,
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  return { status: response.status, body: json };
}

async function signIn(account) {
  const login = await api('/api/auth/login', { method: 'POST', body: account });
  if (login.status === 200) return login.body.accessToken;
  if (login.status !== 401) throw new CheckFailed(`sign-in answered ${login.status}`);
  const registered = await api('/api/auth/register', {
    method: 'POST',
    body: {
      ...account,
      displayName: 'Helix monitoring probe',
      organization: 'Helix monitoring',
      stakeholderGroup: 'civil_society',
    },
  });
  if (registered.status !== 201)
    throw new CheckFailed(
      `the probe account could not sign in (${login.status}) or register (${registered.status})`,
    );
  return registered.body.accessToken;
}

function connect(token) {
  return new Promise((done, fail) => {
    const socket = io(base, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      timeout: timeoutMs,
    });
    socket.once('connect', () => done(socket));
    socket.once('connect_error', (error) => fail(new CheckFailed(`socket refused: ${error.message}`)));
  });
}

async function emit(socket, event, payload) {
  const ack = await socket.timeout(timeoutMs).emitWithAck(event, payload);
  if (!ack.ok) throw new CheckFailed(`${event}: ${ack.error?.code} ${ack.error?.message}`);
  return ack;
}

async function check() {
  const token = await signIn(probeAccount());
  const rooms = await api('/api/rooms', { token });
  if (rooms.status !== 200 || !rooms.body.length) throw new CheckFailed(`no rooms (${rooms.status})`);
  const wanted = process.env.CHECK_ROOM;
  const room = wanted ? rooms.body.find((r) => r.id === wanted || r.slug === wanted) : rooms.body[0];
  if (!room) throw new CheckFailed(`no room ${wanted}`);
  const threads = await api(`/api/rooms/${room.id}/threads`, { token });
  let thread = threads.body?.find?.((t) => t.title === PROBE_THREAD);
  if (!thread) {
    const created = await api(`/api/rooms/${room.id}/threads`, {
      method: 'POST',
      token,
      body: { title: PROBE_THREAD },
    });
    if (created.status !== 201)
      throw new CheckFailed(`the probe thread could not be made (${created.status})`);
    thread = created.body;
  }
  const [sender, receiver] = await Promise.all([connect(token), connect(token)]);
  try {
    await Promise.all([sender, receiver].map((socket) => emit(socket, 'room:join', { roomId: room.id })));
    const clientId = `check-${randomUUID()}`;
    let started = 0;
    const arrived = new Promise((done) =>
      receiver.on('room:event', (event) => {
        if (event.type === 'message.created' && event.payload?.clientId === clientId)
          done(performance.now() - started);
      }),
    );
    const timedOut = new Promise((_, fail) =>
      setTimeout(
        () => fail(new CheckFailed(`the message did not arrive within ${timeoutMs} ms`)),
        timeoutMs,
      ).unref(),
    );
    let ackMs = 0;
    started = performance.now();
    const ack = emit(sender, 'message:send', {
      roomId: room.id,
      threadId: thread.id,
      text: `Monitoring probe ${new Date().toISOString()}`,
      clientId,
    }).then((answer) => {
      ackMs = performance.now() - started;
      return answer;
    });
    const [sent, roundTrip] = await Promise.race([Promise.all([ack, arrived]), timedOut]);
    await emit(sender, 'message:delete', { messageId: sent.message.id }).catch(() => undefined);
    return { roundTrip, ackMs, room: room.slug };
  } finally {
    sender.disconnect();
    receiver.disconnect();
  }
}

try {
  const { roundTrip, ackMs, room } = await check();
  const ms = Math.round(roundTrip);
  const state = ms > warnMs ? 'WARNING' : 'OK';
  console.log(
    `${state}: message sent and received in ${ms} ms (acknowledged in ${Math.round(ackMs)} ms) in ${room} at ${base} | roundtrip=${ms}ms;${warnMs};${timeoutMs}`,
  );
  process.exit(state === 'OK' ? 0 : 1);
} catch (error) {
  const reason =
    error instanceof CheckFailed ? error.message : `${error?.name ?? 'Error'}: ${error?.message ?? error}`;
  console.log(`CRITICAL: ${reason} (${base})`);
  process.exit(2);
}
