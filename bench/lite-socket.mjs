// A minimal Socket.IO v4 client (Engine.IO 4 over a WebSocket only, default namespace, text packets) for
// load generation: one process can hold thousands of these. Unlike socket.io-client it does not JSON-parse
// events nobody listens to (e.g. `presence`, whose list grows with the room), so the load generator spends
// its CPU on the events it measures. Same wire protocol as socket.io-client with transports: ['websocket'].
import WebSocket from 'ws';
import { io as ioClient } from 'socket.io-client';

/** Bytes and frames received per event name, and disconnects, over all LiteSockets of this process. */
export const traffic = { frames: {}, bytes: {}, disconnects: 0, closeCodes: {} };
const count = (name, bytes) => {
  traffic.frames[name] = (traffic.frames[name] ?? 0) + 1;
  traffic.bytes[name] = (traffic.bytes[name] ?? 0) + bytes;
};
const PRESENCE_PREFIX = Buffer.from('42["presence"');

export class LiteSocket {
  #ws;
  #handlers = new Map();
  #acks = new Map();
  #nextAck = 0;
  connected = false;

  /** Resolves once the Socket.IO connect packet is answered; rejects on connect_error or a closed socket. */
  static connect(url, auth, { timeoutMs = 30_000 } = {}) {
    const socket = new LiteSocket();
    return socket.#open(url, auth, timeoutMs).then(() => socket);
  }

  #open(url, auth, timeoutMs) {
    return new Promise((resolve, reject) => {
      const wsUrl = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
      const ws = new WebSocket(wsUrl, {
        perMessageDeflate: false,
        skipUTF8Validation: true,
        maxPayload: 256 * 1024 * 1024,
      });
      this.#ws = ws;
      const timer = setTimeout(() => {
        fail(new Error('connect timeout'));
        ws.terminate();
      }, timeoutMs);
      let settled = false;
      const fail = (error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      };
      ws.on('error', (error) => fail(error));
      ws.on('close', (code) => {
        const was = this.connected;
        if (was && !this.closing) {
          traffic.disconnects += 1;
          traffic.closeCodes[code] = (traffic.closeCodes[code] ?? 0) + 1;
        }
        this.connected = false;
        fail(new Error('closed before connect'));
        for (const [, ack] of this.#acks) ack.reject?.(new Error('socket closed'));
        this.#acks.clear();
        if (was) this.#emitLocal('disconnect', 'transport close');
      });
      ws.on('message', (data) => {
        // Presence lists grow with the room; skip them unread (no string conversion, no parse).
        if (
          data.length >= PRESENCE_PREFIX.length &&
          data.compare(PRESENCE_PREFIX, 0, PRESENCE_PREFIX.length, 0, PRESENCE_PREFIX.length) === 0
        ) {
          if (!this.#handlers.has('presence')) return count('presence', data.length);
        }
        const packet = data.toString();
        if (packet[0] === '4' && packet[1] === '2') {
          const end = packet.indexOf('"', packet.indexOf('"') + 1);
          count(packet.slice(packet.indexOf('"') + 1, end), data.length);
        } else count(packet.slice(0, 2), data.length);
        switch (packet[0]) {
          case '0': // engine open
            ws.send(`40${auth ? JSON.stringify(auth) : ''}`);
            return;
          case '2': // engine ping
            ws.send('3');
            return;
          case '1': // engine close
            ws.close();
            return;
          case '4':
            break;
          default:
            return;
        }
        const type = packet[1];
        if (type === '0') {
          this.connected = true;
          settled = true;
          clearTimeout(timer);
          resolve();
        } else if (type === '4') {
          let message = 'connect_error';
          try {
            message = JSON.parse(packet.slice(2)).message ?? message;
          } catch {
            // keep the generic message
          }
          fail(new Error(message));
          ws.close();
        } else if (type === '2') {
          this.#onEvent(packet);
        } else if (type === '3') {
          let i = 2;
          while (packet.charCodeAt(i) >= 48 && packet.charCodeAt(i) <= 57) i++;
          const id = Number(packet.slice(2, i));
          const ack = this.#acks.get(id);
          if (!ack) return;
          this.#acks.delete(id);
          const args = JSON.parse(packet.slice(i));
          ack.resolve(args[0]);
        } else if (type === '1') {
          ws.close();
        }
      });
    });
  }

  #onEvent(packet) {
    // `42["name",...]` (no ack id from this server): only parse events with a listener.
    const start = packet.indexOf('"') + 1;
    const name = packet.slice(start, packet.indexOf('"', start));
    const handler = this.#handlers.get(name);
    if (!handler) return;
    const args = JSON.parse(packet.slice(2));
    handler(args[1]);
  }

  #emitLocal(name, arg) {
    this.#handlers.get(name)?.(arg);
  }

  /** One handler per event name (enough for the bench). */
  on(name, handler) {
    this.#handlers.set(name, handler);
    return this;
  }

  emitWithAck(name, payload, timeoutMs = 60_000) {
    return new Promise((resolve, reject) => {
      if (!this.connected) return reject(new Error('not connected'));
      const id = this.#nextAck++;
      const timer = setTimeout(() => {
        this.#acks.delete(id);
        reject(new Error(`${name}: no ack within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#acks.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.#ws.send(`42${id}${JSON.stringify([name, payload])}`);
    });
  }

  close() {
    this.closing = true;
    this.connected = false;
    this.#ws?.close();
  }
}

/** The same interface over the official socket.io-client (`--client socket.io-client`). */
export class OfficialSocket {
  #socket;
  static connect(url, auth, { timeoutMs = 30_000 } = {}) {
    return new Promise((resolve, reject) => {
      const socket = ioClient(url, {
        auth,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: timeoutMs,
      });
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
      socket.once('connect', () => {
        const wrapped = new OfficialSocket();
        wrapped.#socket = socket;
        resolve(wrapped);
      });
    });
  }
  get connected() {
    return this.#socket.connected;
  }
  on(name, handler) {
    this.#socket.on(name, handler);
    return this;
  }
  emitWithAck(name, payload, timeoutMs = 60_000) {
    return this.#socket.timeout(timeoutMs).emitWithAck(name, payload);
  }
  close() {
    this.#socket.close();
  }
}

export const socketClass = (kind) => (kind === 'socket.io-client' ? OfficialSocket : LiteSocket);
