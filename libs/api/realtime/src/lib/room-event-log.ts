import { Injectable, Logger, ServiceUnavailableException, type OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError, ReadModel } from '@helix/api/core';
import { Metrics } from '@helix/api/observability';
import { ROOM_REPLAY_PAGE, type RoomEvent } from '@helix/contract';
import type { Model } from 'mongoose';
import { RoomBroadcaster } from './room-broadcaster';
import type { LoggedRoomEvent, RoomEventDraft } from './room-event';
import { RoomSubjects } from './room-subjects';
import { CHUNK_EVENTS, RoomLogChunks, toLogged } from './room-log-chunks';
import { RoomWrites } from './room-writes';
import { roomLogChunkId } from './schemas/room-log-chunk.schema';
import { roomEventId, RoomEventRecord } from './schemas/room-event.schema';

/** What a change decided inside its room's queue, against the read models as they are at that moment. */
export interface RoomChange<T> {
  /** The event to record; null when nothing changes, and `result` answers alone. */
  event: RoomEventDraft | null;
  /** Writes the subject (by `_id`) and applies it to the read model, once the event holds its seq. */
  commit?: (seq: number) => Promise<void>;
  /** The answer to the request, read after the commit. */
  result: () => T;
}

/** How long a gap in another instance's events may wait for the missing ones before they are read from the database. */
const GAP_GRACE_MS = 250;
/** With several instances, how often each looks for a room's next event in the database (a lost server-side event). */
const PROBE_MS = 1_000;
/**
 * An event read from the database may be newer than its subject: the instance that stored it writes the
 * subject right after (milliseconds, or longer on a loaded machine). Its subject is read again after these
 * waits before the event is sent without it; meanwhile the room's later events wait, so members never get
 * them out of order. Only an instance that died between the two writes makes the whole wait (~5 s).
 */
const SUBJECT_WAITS_MS = [20, 40, 80, 160, 320, 640, 1_000, 1_000, 1_000, 1_000];
/** Refused inserts in a row (other instances took each seq first) before a change gives up. */
const MAX_SEQ_RETRIES = 50;
const REMOTE_EVENT = 'helix:room-event';

/**
 * The one path by which a change reaches a room (docs/adr/0001-forum-scale.md): inside the room's queue a
 * change decides against the read models, its event is stored with the room's next `seq` (an insert whose
 * `_id` is room and seq, so another instance taking that seq first is refused, never duplicated), the
 * subject is written, and only then is the event applied and sent, in `seq` order, to this instance's
 * sockets and, as a reference, to the other instances, which read the subject again and send it to theirs.
 *
 * Every event of every room is kept in memory as a reference, so catch-up never asks the database, and its
 * payload is built from the subject's state when it is sent.
 */
@Injectable()
export class RoomEventLog extends ReadModel implements OnApplicationShutdown {
  private readonly logger = new Logger(RoomEventLog.name);
  /** Each room's events in order: `events[i].seq === i + 1`. */
  private readonly rooms = new Map<string, LoggedRoomEvent[]>();
  /** The tail of each room's queue of work. */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Tasks in all queues, waiting or running (the queue depth metric). */
  private queued = 0;
  /** Another instance's events that arrived ahead of a gap, by room and seq. */
  private readonly early = new Map<string, Map<number, LoggedRoomEvent>>();
  private readonly gapTimers = new Map<string, NodeJS.Timeout>();
  private probe?: NodeJS.Timeout;

  constructor(
    @InjectModel(RoomEventRecord.name) private readonly model: Model<RoomEventRecord>,
    private readonly broadcaster: RoomBroadcaster,
    private readonly subjects: RoomSubjects,
    private readonly writes: RoomWrites,
    private readonly chunks: RoomLogChunks,
    private readonly metrics: Metrics,
  ) {
    super();
    metrics.sample('helix_room_queue_depth', () => this.queued);
    metrics.sample('helix_room_queues_busy', () => this.queues.size);
    broadcaster.onAttach((server) =>
      server.on(REMOTE_EVENT, (event: LoggedRoomEvent) => this.receive(event)),
    );
  }

  onApplicationShutdown(): void {
    clearInterval(this.probe);
    for (const timer of this.gapTimers.values()) clearTimeout(timer);
  }

  /**
   * Runs `decide` in the room's queue and records what it decided. When another instance took the seq,
   * its events are applied first and `decide` runs again on the state they left.
   */
  record<T>(roomId: string, decide: () => Promise<RoomChange<T>> | RoomChange<T>): Promise<T> {
    return this.enqueue(roomId, async () => {
      const started = performance.now();
      for (let attempt = 0; attempt <= MAX_SEQ_RETRIES; attempt++) {
        const change = await decide();
        if (!change.event) return change.result();
        this.writes.require(roomId, change.event.type);
        const event: LoggedRoomEvent = {
          ...change.event,
          roomId,
          seq: this.lastSeq(roomId) + 1,
          at: new Date().toISOString(),
        };
        if (event.seq === 1) await this.chunks.registerChannel(roomId);
        if (!(await this.store(event))) {
          this.metrics.seqConflicts.inc();
          await this.catchUp(roomId);
          continue;
        }
        const stored = performance.now();
        this.metrics.roomEventsAppended.inc({ type: event.type });
        let failure: unknown;
        try {
          await change.commit?.(event.seq);
        } catch (error) {
          // The event stays (its seq is taken); it tells members of a subject that did not change.
          failure = error;
        }
        this.apply(event);
        this.metrics.roomFanoutDuration.observe({ origin: 'local' }, Metrics.secondsSince(stored));
        this.broadcaster.toOtherInstances(REMOTE_EVENT, event);
        this.metrics.roomAppendDuration.observe(Metrics.secondsSince(started));
        if (failure) throw failure;
        return change.result();
      }
      throw new ServiceUnavailableException('The room is too busy; try again');
    });
  }

  /** The room's events after `sinceSeq`, oldest first, at most one page, as members see them now. */
  since(roomId: string, sinceSeq: number): { events: RoomEvent[]; hasMore: boolean } {
    const logged = this.rooms.get(roomId) ?? [];
    const page = logged.slice(sinceSeq, sinceSeq + ROOM_REPLAY_PAGE);
    this.metrics.catchUps.inc({ source: 'memory' }, page.length);
    return {
      events: page.map((event) => this.toRoomEvent(event)).filter((event) => event !== null),
      hasMore: logged.length > sinceSeq + ROOM_REPLAY_PAGE,
    };
  }

  lastSeq(roomId: string): number {
    return this.rooms.get(roomId)?.length ?? 0;
  }

  /**
   * The `_id`s of a channel's log documents by collection, as this instance knows its log (a whole-forum
   * export reads them by `_id`): its events, its channel entry and the chunks it may have.
   */
  documentIds(roomId: string): Record<string, string[]> {
    const length = this.lastSeq(roomId);
    return {
      room_events: Array.from({ length }, (_, index) => roomEventId(roomId, index + 1)),
      room_log_channels: length ? [roomId] : [],
      room_log_chunks: Array.from({ length: Math.floor(length / CHUNK_EVENTS) }, (_, n) =>
        roomLogChunkId(roomId, n),
      ),
    };
  }

  /**
   * Applies, in order, the channel's stored events this instance has not applied (an imported forum's log):
   * each event's subject is read again by `_id`, as for an event another instance stored.
   */
  adopt(roomId: string): Promise<void> {
    return this.enqueue(roomId, () => this.catchUp(roomId));
  }

  /** Resolves once every change queued so far is stored and sent (graceful shutdown waits on it). */
  async flush(): Promise<void> {
    while (this.queues.size)
      await Promise.all([...this.queues.values()].map((tail) => tail.catch(() => null)));
  }

  /** The boot pass: every room's events, as references (see RoomLogChunks). */
  protected async load(): Promise<void> {
    const started = Date.now();
    for (const [roomId, events] of await this.chunks.readAll()) this.rooms.set(roomId, events);
    const count = [...this.rooms.values()].reduce((sum, events) => sum + events.length, 0);
    this.logger.log(`Read ${count} room events of ${this.rooms.size} rooms in ${Date.now() - started} ms`);
    this.probe = setInterval(() => this.probeRooms(), PROBE_MS);
    this.probe.unref();
  }

  /** Inserts the event; false when its seq was taken (by another instance). */
  private async store(event: LoggedRoomEvent): Promise<boolean> {
    try {
      await this.model.collection.insertOne({
        _id: roomEventId(event.roomId, event.seq),
        roomId: event.roomId,
        seq: event.seq,
        type: event.type,
        subjectId: event.subjectId,
        ...(event.threadId ? { threadId: event.threadId } : {}),
        actorId: event.actorId,
        at: new Date(event.at),
      } as never);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Keeps the event and sends it, as members see it now, to this instance's sockets in the room. */
  private apply(event: LoggedRoomEvent): void {
    const events = this.roomEvents(event.roomId);
    events.push(event);
    this.chunks.noteApplied(event, events);
    const sent = this.toRoomEvent(event);
    if (sent) this.broadcaster.emitRoomEvent(sent);
  }

  /** Another instance stored an event: apply it in order, once, after reading its subject again. */
  private receive(event: LoggedRoomEvent): void {
    void this.enqueue(event.roomId, async () => {
      if (event.seq <= this.lastSeq(event.roomId)) {
        // Known already (read from the database before this message came): its subject may be newer now.
        await this.subjects.reload(event);
        return;
      }
      const early = this.earlyOf(event.roomId);
      early.set(event.seq, event);
      await this.applyEarly(event.roomId);
      if (early.size) this.fillGapSoon(event.roomId);
    }).catch((error: unknown) => this.logger.warn(`room ${event.roomId}: ${describe(error)}`));
  }

  private async applyEarly(roomId: string): Promise<void> {
    const early = this.earlyOf(roomId);
    let next = early.get(this.lastSeq(roomId) + 1);
    while (next) {
      early.delete(next.seq);
      await this.applyRemote(next);
      next = early.get(this.lastSeq(roomId) + 1);
    }
  }

  private async applyRemote(event: LoggedRoomEvent): Promise<void> {
    await this.subjects.reload(event);
    this.apply(event);
    // From the other instance's clock: close enough on hosts that keep time with NTP.
    this.metrics.roomFanoutDuration.observe(
      { origin: 'remote' },
      Math.max(0, Date.now() - Date.parse(event.at)) / 1000,
    );
  }

  /** An event found in the database: its subject may still be on its way from the instance that stored it. */
  private async applyStored(event: LoggedRoomEvent): Promise<void> {
    await this.subjects.reload(event);
    for (const wait of SUBJECT_WAITS_MS) {
      if (this.subjects.view(event.type, event.subjectId)) break;
      await new Promise((done) => setTimeout(done, wait));
      await this.subjects.reload(event);
    }
    this.apply(event);
  }

  /** The missing events may still be on their way; if not, they are in the database. */
  private fillGapSoon(roomId: string): void {
    if (this.gapTimers.has(roomId)) return;
    const timer = setTimeout(() => {
      this.gapTimers.delete(roomId);
      void this.enqueue(roomId, () => this.catchUp(roomId)).catch((error: unknown) =>
        this.logger.warn(`room ${roomId}: could not fill a gap: ${describe(error)}`),
      );
    }, GAP_GRACE_MS);
    timer.unref();
    this.gapTimers.set(roomId, timer);
  }

  /** Applies, in order, every event of the room stored after the last one applied here. */
  private async catchUp(roomId: string): Promise<void> {
    const early = this.earlyOf(roomId);
    for (;;) {
      const seq = this.lastSeq(roomId) + 1;
      const known = early.get(seq);
      const record = known
        ? null
        : await this.model.findById(roomEventId(roomId, seq)).lean<RoomEventRecord>().exec();
      const event = known ?? (record ? toLogged(record) : null);
      if (!event) break;
      if (record) this.metrics.catchUps.inc({ source: 'database' });
      early.delete(seq);
      if (known) await this.applyRemote(event);
      else await this.applyStored(event);
    }
    for (const seq of early.keys()) if (seq <= this.lastSeq(roomId)) early.delete(seq);
  }

  /** With several instances, a lost server-side event is found by asking for each room's next seq. */
  private probeRooms(): void {
    if (!this.broadcaster.clustered) return;
    const roomIds = new Set([...this.rooms.keys(), ...this.broadcaster.joinedRoomIds()]);
    for (const roomId of roomIds) {
      if (this.queues.has(roomId)) continue;
      void this.enqueue(roomId, () => this.catchUp(roomId)).catch(() => undefined);
    }
  }

  private toRoomEvent(event: LoggedRoomEvent): RoomEvent | null {
    const payload = this.subjects.view(event.type, event.subjectId);
    if (!payload) return null;
    return { roomId: event.roomId, seq: event.seq, type: event.type, payload, at: event.at } as RoomEvent;
  }

  private enqueue<T>(roomId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(roomId) ?? Promise.resolve();
    this.queued += 1;
    const result = previous.catch(() => undefined).then(task);
    const tail = result
      .catch(() => undefined)
      .finally(() => {
        this.queued -= 1;
      });
    this.queues.set(roomId, tail);
    void tail.then(() => {
      if (this.queues.get(roomId) === tail) this.queues.delete(roomId);
    });
    return result;
  }

  private roomEvents(roomId: string): LoggedRoomEvent[] {
    let events = this.rooms.get(roomId);
    if (!events) {
      events = [];
      this.rooms.set(roomId, events);
    }
    return events;
  }

  private earlyOf(roomId: string): Map<number, LoggedRoomEvent> {
    let early = this.early.get(roomId);
    if (!early) {
      early = new Map();
      this.early.set(roomId, early);
    }
    return early;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
