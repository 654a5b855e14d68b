import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { AccessTokens, HelixConfig } from '@helix/api/core';
import type { Server, ServerOptions } from 'socket.io';
import { TokenBucket } from '../rate-limiter';
import {
  scheduleSessionExpiry,
  type HelixSocket,
  type SessionServerEvents,
  type SocketData,
} from '../socket-session';
import type { ClientToServerEvents } from '@helix/contract';

/** The largest socket payload accepted; a message of 4000 characters fits with room to spare. */
export const SOCKET_MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * Socket.IO server setup shared by every gateway: size limits, quick detection of dropped phones,
 * and authentication at the handshake (a refused client gets `connect_error` with the reason).
 */
export class HelixIoAdapter extends IoAdapter {
  constructor(private readonly app: INestApplicationContext) {
    super(app);
  }

  override createIOServer(
    port: number,
    options?: ServerOptions,
  ): Server<ClientToServerEvents, SessionServerEvents, Record<string, never>, SocketData> {
    const config = this.app.get(HelixConfig);
    const tokens = this.app.get(AccessTokens);
    const origins = config.get('CORS_ORIGINS');
    const server: Server<
      ClientToServerEvents,
      SessionServerEvents,
      Record<string, never>,
      SocketData
    > = super.createIOServer(port, {
      ...options,
      cors: origins.length ? { origin: origins, credentials: true } : undefined,
      maxHttpBufferSize: SOCKET_MAX_PAYLOAD_BYTES,
      // A phone that leaves the hall without a goodbye drops out of presence within ~15 s.
      pingInterval: 10_000,
      pingTimeout: 5_000,
    });
    const limits = config.get('SOCKET_SEND_LIMIT');

    server.use((socket: HelixSocket, next) => {
      const token: unknown = socket.handshake.auth?.['token'];
      if (typeof token !== 'string' || !token) {
        next(
          Object.assign(new Error('UNAUTHORIZED: no access token in the handshake'), {
            data: { code: 'UNAUTHORIZED' },
          }),
        );
        return;
      }
      tokens.verify(token).then(
        (user) => {
          socket.data = {
            user,
            sendLimit: new TokenBucket(limits.burst, limits.perSecond),
            typingLimit: new TokenBucket(3, 1),
            joinedRooms: new Set(),
          };
          scheduleSessionExpiry(socket);
          socket.once('disconnect', () => clearTimeout(socket.data.expiryTimer));
          next();
        },
        (error: unknown) => {
          const expired = error instanceof Error && error.name === 'TokenExpiredError';
          const reason = expired ? 'the access token has expired' : 'the access token is invalid';
          next(
            Object.assign(new Error(`UNAUTHORIZED: ${reason}`), { data: { code: 'UNAUTHORIZED', expired } }),
          );
        },
      );
    });
    return server;
  }
}
