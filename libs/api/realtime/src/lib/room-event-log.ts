import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ROOM_REPLAY_PAGE, type RoomEvent, type RoomEventType } from '@helix/contract';
import { isDuplicateKeyError } from '@helix/api/core';
import { randomUUID } from 'node:crypto';
import { trusted, Types, type Model } from 'mongoose';
import { RoomBroadcaster } from './room-broadcaster';
import { toRoomEvent } from './room-event-view';
import { RoomEventRecord } from './schemas/room-event.schema';

export interface RoomEventDraft {
  roomId: string;
  type: RoomEventType;
  actorId: string;
  /** The actor's idempotency key; a second draft with the same actor and key yields the stored event. */
  clientId?: string;
  threadId?: string;
  subjectId?: string;
  /** Id of the stored record; for subject-creating events this is the subject's id. */
  id?: Types.ObjectId;
  payload: Record<string, unknown>;
}

export interface AppendResult {
  record: RoomEventRecord;
  event: RoomEvent;
  /** False when the draft repeated an earlier (actor, clientId): nothing was stored or broadcast. */
  created: boolean;
}

interface Pending {
  /** Builds the draft inside the room's queue, so changes to one room never interleave in this process. */
  prepare: () => Promise<RoomEventDraft | null>;
  record?: RoomEventRecord;
  settled: boolean;
  resolve: (result: AppendResult | null) => void;
  reject: (error: unknown) => void;
}

interface RoomQueue {
  nextSeq?: number;
  pending: Pending[];
  /** Set while the queue is being written; resolves when it is empty. */
  draining?: Promise<void>;
}

const MAX_BATCH = 200;
/** Recent events kept in memory per room, to serve catch-up without a database query. */
const TAIL_MAX = 2_000;

/** The newest events of a room: exactly the events with seq floor+1 .. floor+events.length. */
interface RoomTail {
  floor: number;
  events: RoomEvent[];
}
const MAX_SEQ_RETRIES = 50;

/**
 * The one path by which a change reaches a room: store it with the room's next `seq`, then broadcast it.
 *
 * Appends to one room are queued in this process and written in ordered batches (group commit), so a
 * burst costs a few inserts rather than one round trip each. Another API instance may take a `seq`
 * first: the unique (roomId, seq) index refuses ours, and the rest of the batch is retried after the
 * room's highest `seq` is read again. Ordered inserts stop at the first refusal, so no gap can appear.
 *
 * `appendWith` also runs the change itself (an edit, a reaction) inside the queue. FerretDB applies an
 * update as read-modify-write without isolation, so two concurrent updates of one document can lose
 * one; serialising a room's changes here keeps them whole within an instance (MongoDB's updates are
 * atomic anyway, which is what several instances rely on).
 */
@Injectable()
export class RoomEventLog {
  private readonly logger = new Logger(RoomEventLog.name);
  private readonly rooms = new Map<string, RoomQueue>();
  /**
   * On a single instance every event of a room passes through here, so the newest ones can answer
   * catch-up from memory (FerretDB scans a collection for such a query). With several instances an
   * event may come from elsewhere, so the tail is not kept.
   */
  private readonly tails = new Map<string, RoomTail>();

  constructor(
    @InjectModel(RoomEventRecord.name) private readonly model: Model<RoomEventRecord>,
    private readonly broadcaster: RoomBroadcaster,
  ) {}

  async append(draft: RoomEventDraft): Promise<AppendResult> {
    const result = await this.appendWith(draft.roomId, () => Promise.resolve(draft));
    if (!result) throw new Error('an append without a draft cannot be empty');
    return result;
  }

  /** Runs `prepare` in the room's queue and appends what it returns; `null` appends nothing. */
  appendWith(roomId: string, prepare: () => Promise<RoomEventDraft | null>): Promise<AppendResult | null> {
    return new Promise((resolve, reject) => {
      const queue = this.queueFor(roomId);
      queue.pending.push({ prepare, settled: false, resolve, reject });
      queue.draining ??= this.drain(roomId, queue);
    });
  }

  /** Events after `sinceSeq`, oldest first, at most one page. */
  async since(roomId: string, sinceSeq: number): Promise<{ events: RoomEvent[]; hasMore: boolean }> {
    const tail = this.tails.get(roomId);
    if (tail && sinceSeq >= tail.floor) {
      const start = Math.min(sinceSeq - tail.floor, tail.events.length);
      return {
        events: tail.events.slice(start, start + ROOM_REPLAY_PAGE),
        hasMore: tail.events.length - start > ROOM_REPLAY_PAGE,
      };
    }
    const records = await this.model
      .find({ roomId, seq: trusted({ $gt: sinceSeq }) })
      .sort({ seq: 1 })
      .limit(ROOM_REPLAY_PAGE + 1)
      .lean<RoomEventRecord[]>()
      .exec();
    const hasMore = records.length > ROOM_REPLAY_PAGE;
    return { events: records.slice(0, ROOM_REPLAY_PAGE).map(toRoomEvent), hasMore };
  }

  async lastSeq(roomId: string): Promise<number> {
    const tail = this.tails.get(roomId);
    if (tail) return tail.floor + tail.events.length;
    const last = await this.model
      .findOne({ roomId }, { seq: 1 })
      .sort({ seq: -1 })
      .lean<Pick<RoomEventRecord, 'seq'>>()
      .exec();
    return last?.seq ?? 0;
  }

  private queueFor(roomId: string): RoomQueue {
    let queue = this.rooms.get(roomId);
    if (!queue) {
      queue = { pending: [] };
      this.rooms.set(roomId, queue);
    }
    return queue;
  }

  /** Forgets a room's remembered events, as a restart does: catch-up then reads the database. */
  forgetTail(roomId: string): void {
    this.tails.delete(roomId);
  }

  /**
   * Blanks the text that earlier events about `subjectId` carried (a deleted or hidden message), in the
   * database and in the events remembered for catch-up, which stay in memory so the room's catch-up keeps
   * being served without a database scan.
   */
  async scrubText(roomId: string, subjectId: string): Promise<void> {
    await this.model.updateMany({ roomId, subjectId }, { $set: { 'payload.text': '' } }).exec();
    const tail = this.tails.get(roomId);
    if (!tail) return;
    tail.events = tail.events.map((event) => {
      const payload = event.payload as { id?: string; text?: unknown };
      return payload.id === subjectId && typeof payload.text === 'string'
        ? ({ ...event, payload: { ...payload, text: '' } } as RoomEvent)
        : event;
    });
  }

  /** Resolves once every change queued so far is stored and broadcast (graceful shutdown waits on it). */
  async flush(): Promise<void> {
    while (this.rooms.size) await Promise.all([...this.rooms.values()].map((queue) => queue.draining));
  }

  private async drain(roomId: string, queue: RoomQueue): Promise<void> {
    // Let the caller's synchronous pushes land first, so they join the first batch.
    await Promise.resolve();
    let conflicts = 0;
    while (queue.pending.length) {
      const batch = queue.pending.splice(0, MAX_BATCH);
      try {
        const ready = await this.prepare(batch);
        if (!ready.length) continue;
        queue.nextSeq ??= (await this.lastSeq(roomId)) + 1;
        const outcome = await this.insertBatch(ready, queue.nextSeq);
        queue.nextSeq += outcome.stored;
        if (outcome.seqTaken) {
          // Another writer shares this room (an instance without Redis): memory no longer has it all.
          this.tails.delete(roomId);
          queue.nextSeq = undefined;
          conflicts += 1;
        }
        if (conflicts > MAX_SEQ_RETRIES)
          throw new ServiceUnavailableException('The room is too busy; try again');
        // What was not stored goes back to the front, keeping arrival order.
        queue.pending.unshift(...outcome.retry);
      } catch (error) {
        queue.nextSeq = undefined;
        for (const pending of batch) settle(pending, () => pending.reject(error));
      }
    }
    this.rooms.delete(roomId);
  }

  private async prepare(batch: Pending[]): Promise<Pending[]> {
    const ready: Pending[] = [];
    for (const pending of batch) {
      if (pending.record) {
        ready.push(pending);
        continue;
      }
      try {
        const draft = await pending.prepare();
        if (draft) {
          pending.record = toRecord(draft);
          ready.push(pending);
        } else settle(pending, () => pending.resolve(null));
      } catch (error) {
        settle(pending, () => pending.reject(error));
      }
    }
    return ready;
  }

  private async insertBatch(
    batch: Pending[],
    firstSeq: number,
  ): Promise<{ stored: number; retry: Pending[]; seqTaken: boolean }> {
    const records = batch.map((pending, index) =>
      Object.assign(pending.record as RoomEventRecord, { seq: firstSeq + index }),
    );
    let stored = batch.length;
    let failure: unknown;
    try {
      await this.model.collection.insertMany(records, { ordered: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      stored = insertedBeforeFailure(error);
      failure = error;
    }
    this.publish(batch.slice(0, stored));
    if (failure === undefined) return { stored, retry: [], seqTaken: false };

    const refused = records[stored];
    const existing = await this.model
      .findOne({ actorId: refused.actorId, clientId: refused.clientId })
      .lean<RoomEventRecord>()
      .exec();
    if (existing) {
      const pending = batch[stored];
      settle(pending, () =>
        pending.resolve({ record: existing, event: toRoomEvent(existing), created: false }),
      );
      return { stored, retry: batch.slice(stored + 1), seqTaken: false };
    }
    this.logger.debug(`seq ${refused.seq} in room ${refused.roomId} was taken elsewhere; retrying`);
    return { stored, retry: batch.slice(stored), seqTaken: true };
  }

  private remember(event: RoomEvent): void {
    if (this.broadcaster.clustered) return;
    // The queue writes seq n only after reading n-1 as the room's last, so a new tail starts complete.
    const tail = this.tails.get(event.roomId) ?? { floor: event.seq - 1, events: [] };
    if (event.seq !== tail.floor + tail.events.length + 1) {
      this.tails.delete(event.roomId);
      return;
    }
    tail.events.push(event);
    if (tail.events.length > TAIL_MAX)
      tail.floor += tail.events.splice(0, tail.events.length - TAIL_MAX).length;
    this.tails.set(event.roomId, tail);
  }

  private publish(stored: Pending[]): void {
    for (const pending of stored) {
      const record = pending.record as RoomEventRecord;
      const event = toRoomEvent(record);
      this.remember(event);
      this.broadcaster.emitRoomEvent(event);
      settle(pending, () => pending.resolve({ record, event, created: true }));
    }
  }
}

function settle(pending: Pending, action: () => void): void {
  if (pending.settled) return;
  pending.settled = true;
  action();
}

function toRecord(draft: RoomEventDraft): RoomEventRecord {
  return {
    _id: draft.id ?? new Types.ObjectId(),
    roomId: draft.roomId,
    seq: 0,
    type: draft.type,
    at: new Date(),
    actorId: draft.actorId,
    clientId: draft.clientId ?? `srv-${randomUUID()}`,
    payload: draft.payload,
    ...(draft.threadId ? { threadId: draft.threadId } : {}),
    ...(draft.subjectId ? { subjectId: draft.subjectId } : {}),
  };
}

function insertedBeforeFailure(error: unknown): number {
  const writeErrors = (error as { writeErrors?: Array<{ index: number }> | { index: number } }).writeErrors;
  const first = Array.isArray(writeErrors) ? writeErrors[0] : writeErrors;
  return first?.index ?? 0;
}
