import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InstanceState } from '@helix/api/observability';
import { RoomBroadcaster } from './room-broadcaster';
import { RoomEventLog } from './room-event-log';
import { UnansweredEvents } from './unanswered-events';

/** How long shutdown waits for answers and queued writes before closing anyway. */
const FLUSH_TIMEOUT_MS = 10_000;

/**
 * On SIGTERM, before the database closes: refuse new sockets and new events (UNAVAILABLE, which clients
 * retry), answer every event already received and let every queued write finish (so each message sent
 * before the signal is stored and acknowledged), then close the sockets at the transport level, which
 * clients read as a dropped connection and reconnect, through the proxy, to an instance that is up.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(GracefulShutdown.name);

  constructor(
    private readonly broadcaster: RoomBroadcaster,
    private readonly log: RoomEventLog,
    private readonly unanswered: UnansweredEvents,
    private readonly instance: InstanceState,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    this.broadcaster.accepting = false;
    // Readiness answers 503 from now on, so the proxy sends no one new here while the rest drains.
    this.instance.draining = true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((done) => (timer = setTimeout(() => done(true), FLUSH_TIMEOUT_MS)));
    const late = await Promise.race([this.drain().then(() => false), timedOut]);
    clearTimeout(timer);
    if (late) this.logger.warn('Shutting down with writes still queued');
    for (const socket of this.broadcaster.io?.sockets.sockets.values() ?? []) socket.conn.close();
  }

  private async drain(): Promise<void> {
    await this.unanswered.allAnswered();
    // Writes not started by a socket event (REST, timers) are waited for too.
    await this.log.flush();
  }
}
