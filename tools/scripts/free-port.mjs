import { createServer } from 'node:net';

/** A loopback port nobody listens on right now, for a server a script starts (bench, fuzz). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
