import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { RoomBroadcaster } from './room-broadcaster';
import { RoomEventLog } from './room-event-log';

/** How long shutdown waits for queued writes before closing anyway. */
const FLUSH_TIMEOUT_MS = 10_000;

/**
 * On SIGTERM, before the database closes: refuse new sockets, let every queued write finish (so each
 * acknowledged message is stored), then close the sockets at the transport level, which clients read
 * as a dropped connection and reconnect, through the proxy, to an instance that is up.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(GracefulShutdown.name);

  constructor(
    private readonly broadcaster: RoomBroadcaster,
    private readonly log: RoomEventLog,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    this.broadcaster.accepting = false;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((done) => (timer = setTimeout(() => done(true), FLUSH_TIMEOUT_MS)));
    const late = await Promise.race([this.log.flush().then(() => false), timedOut]);
    clearTimeout(timer);
    if (late) this.logger.warn('Shutting down with writes still queued');
    for (const socket of this.broadcaster.io?.sockets.sockets.values() ?? []) socket.conn.close();
  }
}
