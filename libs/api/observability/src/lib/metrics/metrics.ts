import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds, from a fast in-memory step to a request that waited on a slow database. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Gauges read at scrape time from the state of whoever owns it (see `Metrics.sample`). */
const SAMPLED_GAUGES = {
  helix_sockets_connected: 'Socket.IO connections this instance holds',
  helix_room_queue_depth: 'Changes waiting in the room queues of this instance (all rooms)',
  helix_room_queues_busy: 'Rooms with at least one change waiting or running',
  helix_redis_adapter_up:
    '1 while the Redis adapter joining the instances is connected, 0 while not (and without REDIS_URL)',
  helix_database_up: '1 while the database connection is open',
  helix_polls_open: 'Polls open for votes',
  helix_initiatives_open: 'Initiatives open for votes',
  helix_backup_last_success_timestamp_seconds:
    'When the last scheduled backup was written (0: none since start)',
} as const;

export type SampledGauge = keyof typeof SAMPLED_GAUGES;

/**
 * Every Prometheus metric Helix exposes, in one registry served at `GET /metrics`. Names follow Mattermost's
 * and Rocket.Chat's where they measure the same (requests, sockets, broadcasts, rate limits).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly samplers = new Map<SampledGauge, () => number>();

  readonly httpRequests = new Counter({
    name: 'helix_http_requests_total',
    help: 'REST requests answered, by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'helix_http_request_duration_seconds',
    help: 'Time to answer a REST request, by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly socketEvents = new Counter({
    name: 'helix_socket_events_total',
    help: 'Socket events answered, by event and outcome (ok or the error code)',
    labelNames: ['event', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly socketEventDuration = new Histogram({
    name: 'helix_socket_event_duration_seconds',
    help: 'Time from a socket event received to its ack',
    labelNames: ['event'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly roomJoins = new Counter({
    name: 'helix_room_joins_total',
    help: 'Rooms joined by sockets of this instance',
    registers: [this.registry],
  });
  readonly roomEventsAppended = new Counter({
    name: 'helix_room_events_appended_total',
    help: 'Room events stored by this instance, by type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly roomAppendDuration = new Histogram({
    name: 'helix_room_append_duration_seconds',
    help: 'Time for a room change from its turn in the queue to stored, committed and sent',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly roomFanoutDuration = new Histogram({
    name: 'helix_room_fanout_seconds',
    help: 'Time from a room event stored to its emit to this instance’s sockets; origin local or remote (another instance)',
    labelNames: ['origin'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly seqConflicts = new Counter({
    name: 'helix_room_seq_conflicts_total',
    help: 'Room event inserts refused because another instance took the seq first',
    registers: [this.registry],
  });
  readonly catchUps = new Counter({
    name: 'helix_room_catchup_events_total',
    help: 'Room events served for catch-up, by source: memory (the room log) or database (a gap read by _id)',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'helix_rate_limited_total',
    help: 'Requests and socket events refused by a rate limit, by limiter',
    labelNames: ['limiter'] as const,
    registers: [this.registry],
  });
  readonly databaseDuration = new Histogram({
    name: 'helix_database_command_duration_seconds',
    help: 'Database commands by name, timed by the driver',
    labelNames: ['command'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly databaseErrors = new Counter({
    name: 'helix_database_command_errors_total',
    help: 'Database commands that failed, by name',
    labelNames: ['command'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    const samplers = this.samplers;
    for (const [name, help] of Object.entries(SAMPLED_GAUGES) as Array<[SampledGauge, string]>) {
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(samplers.get(name)?.() ?? 0);
        },
      });
    }
  }

  /** `read` answers the gauge's value at each scrape. */
  sample(name: SampledGauge, read: () => number): void {
    this.samplers.set(name, read);
  }

  /** A sampled gauge's value now (the system page shows them). */
  read(name: SampledGauge): number {
    return this.samplers.get(name)?.() ?? 0;
  }

  /** Seconds elapsed since a `performance.now()` reading. */
  static secondsSince(started: number): number {
    return (performance.now() - started) / 1000;
  }
}
