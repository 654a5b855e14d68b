import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  /** `http://127.0.0.1:<port>`, for clients that speak HTTP. */
  url: string;
  /** `127.0.0.1:<port>`, for anything else (a database URI). */
  host: string;
  /** Stops passing bytes either way (they wait in the proxy) until `release`: a stalled network. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  server: Socket;
}

/**
 * Stands in for the network between a client and the servers. As a load balancer: clients know one
 * address, and each new connection goes to the first upstream (in the order `upstreams` gives at that
 * moment) that accepts it, so a client whose instance went away reconnects to the same address and lands
 * on another. As a stalled link: `hold` keeps everything in flight from arriving until `release`.
 */
export async function startTcpProxy(upstreams: () => string[]): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const links = new Set<Link>();
  let held = false;
  const track = (socket: Socket): void => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const flow = ({ client, server }: Link): void => {
    server.pipe(client);
    client.pipe(server);
    client.resume();
    server.resume();
  };
  const stall = ({ client, server }: Link): void => {
    server.unpipe(client);
    client.unpipe(server);
    client.pause();
    server.pause();
  };
  const proxy = createServer((client) => {
    track(client);
    client.pause();
    client.on('error', () => client.destroy());
    const tryNext = (candidates: string[]): void => {
      const [first, ...rest] = candidates;
      if (!first || client.destroyed) {
        client.destroy();
        return;
      }
      const { hostname, port } = new URL(first);
      const server = connect({ host: hostname, port: Number(port) });
      track(server);
      server.once('error', () => tryNext(rest));
      server.once('connect', () => {
        server.removeAllListeners('error');
        server.on('error', () => client.destroy());
        const link = { client, server };
        links.add(link);
        server.once('close', () => (links.delete(link), client.destroy()));
        client.once('close', () => server.destroy());
        if (held) server.pause();
        else flow(link);
      });
    };
    tryNext(upstreams());
  });
  await new Promise<void>((listening) => proxy.listen(0, '127.0.0.1', listening));
  const address = proxy.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    host: `127.0.0.1:${address.port}`,
    hold: () => {
      held = true;
      links.forEach(stall);
    },
    release: () => {
      held = false;
      links.forEach(flow);
    },
    close: () =>
      new Promise((closed) => {
        for (const socket of open) socket.destroy();
        proxy.close(() => closed());
      }),
  };
}
