import { Logger, ServiceUnavailableException, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { AccessTokens, HelixConfig, isDatabaseUnavailable, languageOf, runInLanguage } from '@helix/api/core';
import { InstanceState, Metrics, SocketEventObserver } from '@helix/api/observability';
import type { Server, ServerOptions } from 'socket.io';
import { RoomBroadcaster } from '../room-broadcaster';
import { toAckError } from '../socket-handler';
import { SOCKET_EVENT_BUCKETS, SocketEventLimits } from '../socket-limits';
import { scheduleSessionExpiry, type HelixSocket, type SocketData } from '../socket-session';
import { UnansweredEvents } from '../unanswered-events';
import type { ClientToServerEvents, ServerToClientEvents } from '@helix/contract';

/**
 * The transport's hard cap: a frame above it closes the connection. Events between this and
 * SOCKET_MAX_EVENT_BYTES get a TOO_LARGE error ack instead, and the socket stays usable.
 */
export const SOCKET_MAX_PAYLOAD_BYTES = 1024 * 1024;

/**
 * Socket.IO server setup shared by every gateway: size limits, quick detection of dropped phones,
 * authentication at the handshake (a refused client gets `connect_error` with the reason), and a
 * per-person rate limit on every event before any handler sees it.
 */
export class HelixIoAdapter extends IoAdapter {
  private readonly logger = new Logger('Realtime');
  private redis?: ReturnType<typeof createClient>;

  constructor(private readonly app: INestApplicationContext) {
    super(app);
  }

  /**
   * With REDIS_URL, instances share rooms through the Redis Streams adapter. It was chosen over the
   * pub/sub adapter because a stream survives a short Redis outage: each instance resumes reading
   * where it stopped, so cross-instance events published meanwhile still arrive. (Helix's own seq
   * replay fills any gap either way.)
   *
   * Startup does not wait for Redis: an instance that boots while Redis is away serves its own clients
   * at once and joins the others when Redis answers, exactly as after an outage later on.
   */
  connectRedis(): void {
    const url = this.app.get(HelixConfig).get('REDIS_URL');
    if (!url) return;
    const instance = this.app.get(InstanceState);
    instance.redis = 'connecting';
    const client = createClient({
      url,
      socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
      // Publishing fails fast while Redis is away, so the adapter goes on to deliver to this
      // instance's own clients instead of waiting for Redis to come back.
      disableOfflineQueue: true,
    });
    // The adapter reads the stream through a duplicate of this client. That one must queue instead:
    // the adapter retries a failed read at once, and failing fast would spin without yielding.
    const duplicate = client.duplicate.bind(client);
    client.duplicate = ((overrides?: object) =>
      duplicate({ ...overrides, disableOfflineQueue: false })) as typeof client.duplicate;
    // The adapter sends ephemeral messages (heartbeats, server-side events) with PUBLISH and neither
    // awaits nor catches the result; while Redis is away that rejection would end the process.
    const publish = client.publish.bind(client);
    client.publish = ((...args: Parameters<typeof publish>) =>
      publish(...args).catch(() => 0)) as typeof client.publish;
    let lastError = '';
    client.on('error', (error: Error) => {
      instance.redis = 'down';
      if (error.message !== lastError)
        this.logger.warn(
          `Redis is unreachable (${error.message}): this instance serves only its own clients until it answers`,
        );
      lastError = error.message;
    });
    client.on('ready', () => {
      instance.redis = 'up';
      if (!lastError) return;
      lastError = '';
      // Events of other instances published while Redis was away never reached this one's clients:
      // they ask for their rooms again from their last seq.
      this.logger.log('Redis is back: asking clients to catch up');
      this.app.get(RoomBroadcaster, { strict: false }).io?.local.emit('rooms:resync');
    });
    // With a reconnect strategy the first connect settles only once Redis answers; it must not hold
    // up startup. It rejects only when the client is closed first (shutdown).
    client.connect().catch(() => undefined);
    this.redis = client;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    // disconnect, not quit: quit waits for a reply that never comes while Redis is down.
    await this.redis?.disconnect().catch(() => undefined);
  }

  override createIOServer(
    port: number,
    options?: ServerOptions,
  ): Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData> {
    const config = this.app.get(HelixConfig);
    const tokens = this.app.get(AccessTokens);
    const broadcaster = this.app.get(RoomBroadcaster, { strict: false });
    const unanswered = this.app.get(UnansweredEvents, { strict: false });
    const origins = config.get('CORS_ORIGINS');
    const server: Server<
      ClientToServerEvents,
      ServerToClientEvents,
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
    if (this.redis) {
      broadcaster.clustered = true;
      server.adapter(
        createAdapter(this.redis, { streamName: 'helix:socket.io', maxLen: 100_000, onlyPlaintext: true }),
      );
    }
    const limits = new SocketEventLimits(config.get('SOCKET_SEND_LIMIT'));
    const metrics = this.app.get(Metrics);
    const observer = new SocketEventObserver(metrics, SOCKET_EVENT_BUCKETS);
    metrics.sample('helix_sockets_connected', () => server.of('/').sockets.size);
    const instance = this.app.get(InstanceState);
    metrics.sample('helix_redis_adapter_up', () => (instance.redis === 'up' ? 1 : 0));

    server.use((socket: HelixSocket, next) => {
      if (!broadcaster.accepting) {
        next(
          Object.assign(new Error('UNAVAILABLE: this server is restarting'), {
            data: { code: 'UNAVAILABLE' },
          }),
        );
        return;
      }
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
          socket.data = { user, joinedRooms: new Set() };
          scheduleSessionExpiry(socket);
          // Error acks speak the client's language: it sends its UI language in the handshake.
          const lang: unknown = socket.handshake.auth?.['lang'];
          const language = languageOf(
            typeof lang === 'string' ? lang : socket.handshake.headers['accept-language'],
          );
          socket.use((_event, proceed) => runInLanguage(language, () => proceed()));
          // Every event is logged and counted from here on, those refused below included.
          socket.use(observer.middleware(socket));
          // A draining instance refuses new events and answers the ones it has before it closes (see
          // GracefulShutdown). Every event carries its ack last.
          socket.use((event, proceed) => {
            const ack: unknown = event[event.length - 1];
            if (broadcaster.accepting) return proceed();
            if (typeof ack === 'function')
              ack(
                toAckError(new ServiceUnavailableException('This server is restarting; try again'), language),
              );
          });
          socket.use(limits.middleware(user.id, language));
          socket.use((event, proceed) => {
            const last = event.length - 1;
            const ack: unknown = event[last];
            // An event no handler listens to is never answered: counting it would hold shutdown up.
            if (typeof ack === 'function' && socket.listenerCount(String(event[0])) > 0)
              event[last] = unanswered.track(socket, ack as (...args: unknown[]) => void);
            proceed();
          });
          socket.once('disconnect', () => clearTimeout(socket.data.expiryTimer));
          next();
        },
        (error: unknown) => {
          if (isDatabaseUnavailable(error)) {
            // The session could not be looked up: the client retries rather than signing in again.
            next(
              Object.assign(new Error('UNAVAILABLE: the database is unavailable'), {
                data: { code: 'UNAVAILABLE' },
              }),
            );
            return;
          }
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
