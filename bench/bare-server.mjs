// The baseline: a bare Socket.IO server (no auth, no database) speaking the subset of Helix's live protocol
// the fan-out uses: `room:join` joins, `message:send` is broadcast to the room as a `room:event` shaped like
// Helix's (same fields, so each delivery carries about the same bytes). Run as a child: PORT=… node bare-server.mjs
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Server } from 'socket.io';

const port = Number(process.env.PORT);
const httpServer = createServer((req, res) => {
  res.writeHead(req.url === '/health' ? 200 : 404).end();
});
const io = new Server(httpServer, { pingInterval: 10_000, pingTimeout: 5_000, maxHttpBufferSize: 64 * 1024 });
const seqs = new Map();
const objectId = () => randomBytes(12).toString('hex');

io.on('connection', (socket) => {
  const user = {
    id: objectId(),
    displayName: String(socket.handshake.auth?.name ?? 'bare'),
    organization: 'Bench',
    stakeholderGroup: 'university',
  };
  socket.on('room:join', ({ roomId }, ack) => {
    socket.join(roomId);
    ack?.({ ok: true, seq: seqs.get(roomId) ?? 0, presence: [], missed: [], hasMore: false });
  });
  socket.on('message:send', ({ roomId, threadId, text, clientId }, ack) => {
    const seq = (seqs.get(roomId) ?? 0) + 1;
    seqs.set(roomId, seq);
    const at = new Date().toISOString();
    const message = {
      id: objectId(),
      roomId,
      threadId,
      seq,
      clientId,
      author: user,
      text,
      replyTo: null,
      reactions: {},
      createdAt: at,
      editedAt: null,
      deleted: false,
    };
    io.to(roomId).emit('room:event', { roomId, seq, type: 'message.created', payload: message, at });
    ack?.({ ok: true, message });
  });
});

httpServer.listen(port, '127.0.0.1', () => process.send?.({ ready: true }));
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
