// Does one client flooding votes slow everyone else down? Measures 40 ordinary voters' vote latency
// (poll:vote ack) first alone, then while one client sends votes as fast as it can.
// Usage: npm run build && node bench/vote-flood.mjs
import { io } from 'socket.io-client';
import { api, percentile, startHelix } from './helix-server.mjs';

const VOTERS = 40;
const ROUNDS = 10;
// The default socket limit (burst 20, 2/s), so the flooder meets the limiter as in production.
const helix = await startHelix({ SOCKET_SEND_LIMIT: '20:2', ADMIN_EMAILS: 'flood-admin@helix.test' });
const connect = (token) =>
  new Promise((resolve, reject) => {
    const socket = io(helix.url, { auth: { token }, transports: ['websocket'], reconnection: false });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
const register = (email) =>
  api(helix.url, '/auth/register', {
    body: {
      email,
      password: 'flood password',
      displayName: email,
      organization: 'O',
      stakeholderGroup: 'business',
    },
  });
try {
  const admin = await register('flood-admin@helix.test');
  const [room] = await api(helix.url, '/rooms', { token: admin.accessToken });
  const poll = await api(helix.url, `/rooms/${room.id}/polls`, {
    token: admin.accessToken,
    body: { question: 'Flood?', options: ['a', 'b'] },
  });
  await api(helix.url, `/polls/${poll.id}/open`, { token: admin.accessToken, method: 'POST' });
  const voters = await Promise.all(
    Array.from({ length: VOTERS }, (_, i) =>
      register(`voter${i}@helix.test`).then((u) => connect(u.accessToken)),
    ),
  );
  const flooder = await connect((await register('flooder@helix.test')).accessToken);

  const measure = async () => {
    const latencies = [];
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        voters.map(async (socket, i) => {
          const started = performance.now();
          const ack = await socket
            .timeout(10_000)
            .emitWithAck('poll:vote', { pollId: poll.id, optionIds: [poll.options[(round + i) % 2].id] });
          if (!ack.ok) throw new Error(`an ordinary voter was refused: ${ack.error.code}`);
          latencies.push(performance.now() - started);
        }),
      );
      await new Promise((done) => setTimeout(done, 200));
    }
    return latencies.sort((a, b) => a - b);
  };

  const alone = await measure();
  let flooding = true;
  let sent = 0;
  let limited = 0;
  const flood = (async () => {
    while (flooding) {
      const batch = Array.from({ length: 50 }, () =>
        flooder
          .timeout(10_000)
          .emitWithAck('poll:vote', { pollId: poll.id, optionIds: [poll.options[0].id] }),
      );
      for (const ack of await Promise.all(batch)) {
        sent += 1;
        if (!ack.ok && ack.error.code === 'RATE_LIMITED') limited += 1;
      }
    }
  })();
  const withFlood = await measure();
  flooding = false;
  await flood;

  const row = (name, l) =>
    `${name.padEnd(22)} p50 ${percentile(l, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(l, 95).toFixed(1).padStart(7)} ms`;
  console.log(row('others, alone', alone));
  console.log(row('others, during flood', withFlood));
  console.log(
    `ratio during/alone: p50 ×${(percentile(withFlood, 50) / percentile(alone, 50)).toFixed(2)}, p95 ×${(percentile(withFlood, 95) / percentile(alone, 95)).toFixed(2)}`,
  );
  console.log(
    `flooder: ${sent} votes sent, ${limited} refused as RATE_LIMITED (${((limited / sent) * 100).toFixed(1)}%)`,
  );
  [...voters, flooder].forEach((socket) => socket.close());
} finally {
  await helix.stop();
}
