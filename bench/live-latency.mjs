// Send → delivery latency of live messages with N clients in one room (default 100), on the built app.
// Usage: node bench/live-latency.mjs [clients] [messages] [rate per second]. Build first: npm run build.
import { io } from 'socket.io-client';
import { api, percentile, startHelix } from './helix-server.mjs';

const [clients = 100, messages = 200, rate = 20] = process.argv.slice(2).map(Number);
const helix = await startHelix();
try {
  const users = [];
  for (let i = 0; i < clients; i++) {
    users.push(
      await api(helix.url, '/auth/register', {
        body: {
          email: `bench${i}@helix.test`,
          password: 'bench password',
          displayName: `B${i}`,
          organization: 'Bench',
          stakeholderGroup: 'university',
        },
      }),
    );
  }
  const [room] = await api(helix.url, '/rooms', { token: users[0].accessToken });
  const thread = await api(helix.url, `/rooms/${room.id}/threads`, {
    token: users[0].accessToken,
    body: { title: 'Bench' },
  });
  const sentAt = new Map();
  const latencies = [];
  let received = 0;
  const sockets = await Promise.all(
    users.map(
      (user) =>
        new Promise((resolve, reject) => {
          const socket = io(helix.url, {
            auth: { token: user.accessToken },
            transports: ['websocket'],
            reconnection: false,
          });
          socket.on('room:event', (event) => {
            if (event.type !== 'message.created') return;
            latencies.push(performance.now() - sentAt.get(event.payload.clientId));
            received += 1;
          });
          socket.once('connect_error', reject);
          socket.once('connect', () => socket.emit('room:join', { roomId: room.id }, () => resolve(socket)));
        }),
    ),
  );
  const sender = sockets[0];
  for (let i = 0; i < messages; i++) {
    const clientId = `lat-${i}`;
    sentAt.set(clientId, performance.now());
    sender.emit(
      'message:send',
      { roomId: room.id, threadId: thread.id, text: `m${i}`, clientId },
      () => undefined,
    );
    await new Promise((done) => setTimeout(done, 1000 / rate));
  }
  const expected = messages * clients;
  const deadline = Date.now() + 30_000;
  while (received < expected && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
  latencies.sort((a, b) => a - b);
  const fmt = (ms) => `${ms.toFixed(1)} ms`;
  console.log(`clients ${clients}, messages ${messages} at ${rate}/s, deliveries ${received}/${expected}`);
  console.log(
    `latency median ${fmt(percentile(latencies, 50))}, p95 ${fmt(percentile(latencies, 95))}, p99 ${fmt(percentile(latencies, 99))}, max ${fmt(latencies.at(-1))}`,
  );
  sockets.forEach((socket) => socket.close());
} finally {
  await helix.stop();
}
