import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ROOM_REPLAY_PAGE, type RoomEvent, type RoomEventType } from '@helix/contract';
import { isDuplicateKeyError } from '@helix/api/core';
import { randomUUID } from 'node:crypto';
import { Types, type Model } from 'mongoose';
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
  record: RoomEventRecord;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

interface RoomQueue {
  nextSeq?: number;
  pending: Pending[];
  draining: boolean;
}

const MAX_BATCH = 200;
const MAX_SEQ_RETRIES = 50;

/**
 * The one path by which a change reaches a room: store it with the room's next `seq`, then broadcast it.
 *
 * Appends to one room are queued in this process and written in ordered batches (group commit), so a
 * burst costs a few inserts rather than one round trip each. Another API instance may take a `seq`
 * first: the unique (roomId, seq) index refuses ours, and the rest of the batch is retried after the
 * room's highest `seq` is read again. Ordered inserts stop at the first refusal, so no gap can appear.
 */
@Injectable()
export class RoomEventLog {
  private readonly logger = new Logger(RoomEventLog.name);
  private readonly rooms = new Map<string, RoomQueue>();

  constructor(
    @InjectModel(RoomEventRecord.name) private readonly model: Model<RoomEventRecord>,
    private readonly broadcaster: RoomBroadcaster,
  ) {}

  append(draft: RoomEventDraft): Promise<AppendResult> {
    const record: RoomEventRecord = {
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
    return new Promise((resolve, reject) => {
      const queue = this.queueFor(draft.roomId);
      queue.pending.push({ record, resolve, reject });
      if (!queue.draining) void this.drain(draft.roomId, queue);
    });
  }

  /** Events after `sinceSeq`, oldest first, at most one page. */
  async since(roomId: string, sinceSeq: number): Promise<{ events: RoomEvent[]; hasMore: boolean }> {
    const records = await this.model
      .find({ roomId, seq: { $gt: sinceSeq } })
      .sort({ seq: 1 })
      .limit(ROOM_REPLAY_PAGE + 1)
      .lean<RoomEventRecord[]>()
      .exec();
    const hasMore = records.length > ROOM_REPLAY_PAGE;
    return { events: records.slice(0, ROOM_REPLAY_PAGE).map(toRoomEvent), hasMore };
  }

  async lastSeq(roomId: string): Promise<number> {
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
      queue = { pending: [], draining: false };
      this.rooms.set(roomId, queue);
    }
    return queue;
  }

  private async drain(roomId: string, queue: RoomQueue): Promise<void> {
    queue.draining = true;
    let conflicts = 0;
    try {
      while (queue.pending.length) {
        const batch = queue.pending.splice(0, MAX_BATCH);
        try {
          queue.nextSeq ??= (await this.lastSeq(roomId)) + 1;
          const outcome = await this.insertBatch(batch, queue.nextSeq);
          queue.nextSeq += outcome.stored;
          // What was not stored goes back to the front, keeping arrival order.
          queue.pending.unshift(...outcome.retry);
          if (outcome.seqTaken) {
            queue.nextSeq = undefined;
            if (++conflicts > MAX_SEQ_RETRIES) throw new ServiceUnavailableException('The room is too busy; retry');
          }
        } catch (error) {
          queue.nextSeq = undefined;
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      queue.draining = false;
      if (!queue.pending.length && queue.nextSeq === undefined) this.rooms.delete(roomId);
    }
  }

  private async insertBatch(
    batch: Pending[],
    firstSeq: number,
  ): Promise<{ stored: number; retry: Pending[]; seqTaken: boolean }> {
    batch.forEach((pending, index) => (pending.record.seq = firstSeq + index));
    let stored = batch.length;
    let failure: unknown;
    try {
      await this.model.collection.insertMany(
        batch.map((pending) => pending.record),
        { ordered: true },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      stored = insertedBeforeFailure(error);
      failure = error;
    }
    this.publish(batch.slice(0, stored));
    if (failure === undefined) return { stored, retry: [], seqTaken: false };

    const refused = batch[stored];
    const existing = await this.model
      .findOne({ actorId: refused.record.actorId, clientId: refused.record.clientId })
      .lean<RoomEventRecord>()
      .exec();
    if (existing) {
      refused.resolve({ record: existing, event: toRoomEvent(existing), created: false });
      return { stored, retry: batch.slice(stored + 1), seqTaken: false };
    }
    this.logger.debug(`seq ${refused.record.seq} in room ${refused.record.roomId} was taken elsewhere; retrying`);
    return { stored, retry: batch.slice(stored), seqTaken: true };
  }

  private publish(stored: Pending[]): void {
    for (const pending of stored) {
      const event = toRoomEvent(pending.record);
      this.broadcaster.emitRoomEvent(event);
      pending.resolve({ record: pending.record, event, created: true });
    }
  }
}

function insertedBeforeFailure(error: unknown): number {
  const writeErrors = (error as { writeErrors?: Array<{ index: number }> | { index: number } }).writeErrors;
  const first = Array.isArray(writeErrors) ? writeErrors[0] : writeErrors;
  return first?.index ?? 0;
}
