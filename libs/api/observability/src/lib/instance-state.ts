import { Injectable } from '@nestjs/common';

export type RedisState = 'not configured' | 'connecting' | 'up' | 'down';

/** What this instance reports about itself to readiness probes, metrics and the system page. */
@Injectable()
export class InstanceState {
  readonly startedAt = new Date();
  /** Set on SIGTERM while queued work finishes (GracefulShutdown): the proxy should send no one new here. */
  draining = false;
  /** The Redis adapter that joins this instance to the others (HelixIoAdapter keeps it current). */
  redis: RedisState = 'not configured';
}
