import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@helix/api/core';
import type { RoomEventType } from '@helix/contract';
import type { Model } from 'mongoose';
import type { LoggedRoomEvent } from './room-event';
import { RoomLogChannelRecord, RoomLogChunkRecord, roomLogChunkId } from './schemas/room-log-chunk.schema';
import { roomEventId, RoomEventRecord } from './schemas/room-event.schema';

/** Events per chunk: a chunk is written when a room's log reaches a multiple of this. */
export const CHUNK_EVENTS = 500;
/** Events of a room's newest, unchunked part read by `_id` at once at boot. */
const PROBE_BATCH = 64;

/** An event in a chunk: type, subject, thread, actor, time (ms); the room and seq come from the chunk. */
type Packed = [RoomEventType, string, string, string, number];

const pack = (event: LoggedRoomEvent): Packed => [
  event.type,
  event.subjectId,
  event.threadId ?? '',
  event.actorId,
  Date.parse(event.at),
];

function unpack(
  roomId: string,
  seq: number,
  [type, subjectId, threadId, actorId, at]: Packed,
): LoggedRoomEvent {
  return {
    roomId,
    seq,
    type,
    subjectId,
    ...(threadId ? { threadId } : {}),
    actorId,
    at: new Date(at).toISOString(),
  };
}

export function toLogged(record: RoomEventRecord): LoggedRoomEvent {
  return {
    roomId: record.roomId,
    seq: record.seq,
    type: record.type,
    subjectId: record.subjectId,
    ...(record.threadId ? { threadId: record.threadId } : {}),
    actorId: record.actorId,
    at: record.at.toISOString(),
  };
}

/**
 * Lets a room log be read at boot without reading every event (docs/adr/0001-forum-scale.md): FerretDB's cost
 * is per value it decodes, so each completed run of CHUNK_EVENTS events is also kept, packed into one string,
 * in a chunk document. Chunks are derived and immutable (any instance may write one; they write the same),
 * the events stay the truth: boot reads the chunks, then the few newer events by `_id`.
 */
@Injectable()
export class RoomLogChunks {
  private readonly logger = new Logger(RoomLogChunks.name);

  constructor(
    @InjectModel(RoomEventRecord.name) private readonly events: Model<RoomEventRecord>,
    @InjectModel(RoomLogChunkRecord.name) private readonly chunks: Model<RoomLogChunkRecord>,
    @InjectModel(RoomLogChannelRecord.name) private readonly channels: Model<RoomLogChannelRecord>,
  ) {}

  /** Called after each event is applied; `events` is the room's log in memory. */
  noteApplied(event: LoggedRoomEvent, events: readonly LoggedRoomEvent[]): void {
    if (event.seq % CHUNK_EVENTS === 0)
      void this.writeChunk(event.roomId, event.seq / CHUNK_EVENTS - 1, events);
  }

  /** Names a room's log before its first event is stored, so boot knows to read it. */
  async registerChannel(roomId: string): Promise<void> {
    try {
      await this.channels.collection.insertOne({ _id: roomId } as never);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** Every room's log, in order: from the chunks and the newer events, or from every event in an older database. */
  async readAll(): Promise<Map<string, LoggedRoomEvent[]>> {
    const channels = await this.channels.find().lean<RoomLogChannelRecord[]>().exec();
    if (!channels.length && (await this.events.findOne().lean().exec())) return this.readEveryEvent();
    const chunked = new Map<string, RoomLogChunkRecord[]>();
    for await (const chunk of this.chunks.find().lean<RoomLogChunkRecord>().cursor({ batchSize: 50 })) {
      chunked.set(chunk.roomId, [...(chunked.get(chunk.roomId) ?? []), chunk]);
    }
    const rooms = new Map<string, LoggedRoomEvent[]>();
    await Promise.all(
      channels.map(async ({ _id: roomId }) => {
        const events: LoggedRoomEvent[] = [];
        const chunks = (chunked.get(roomId) ?? []).sort((a, b) => a.n - b.n);
        for (const chunk of chunks) {
          if (chunk.n * CHUNK_EVENTS !== events.length) break;
          (JSON.parse(chunk.events) as Packed[]).forEach((packed, index) =>
            events.push(unpack(roomId, chunk.n * CHUNK_EVENTS + index + 1, packed)),
          );
        }
        await this.readNewer(roomId, events);
        rooms.set(roomId, events);
        this.repairChunks(roomId, events, chunks);
      }),
    );
    return rooms;
  }

  /** Reads the room's events after those given, by `_id`, a batch at a time, up to the first that is not there. */
  private async readNewer(roomId: string, events: LoggedRoomEvent[]): Promise<void> {
    for (;;) {
      const from = events.length + 1;
      const batch = await Promise.all(
        Array.from({ length: PROBE_BATCH }, (_, index) =>
          this.events
            .findById(roomEventId(roomId, from + index))
            .lean<RoomEventRecord>()
            .exec(),
        ),
      );
      for (const record of batch) {
        if (!record) return;
        events.push(toLogged(record));
      }
    }
  }

  /** A database from before chunks: one pass over every event, and the chunks written for next time. */
  private async readEveryEvent(): Promise<Map<string, LoggedRoomEvent[]>> {
    const rooms = new Map<string, LoggedRoomEvent[]>();
    for await (const record of this.events.find().lean<RoomEventRecord>().cursor({ batchSize: 5_000 })) {
      let events = rooms.get(record.roomId);
      if (!events) {
        events = [];
        rooms.set(record.roomId, events);
      }
      events[record.seq - 1] = toLogged(record);
    }
    for (const [roomId, events] of rooms) {
      const gap = events.findIndex((event) => !event);
      if (gap >= 0) {
        // Only a database edited by hand has holes; the first one is where this room's log continues.
        this.logger.warn(`room ${roomId}: event ${gap + 1} is missing; continuing from there`);
        events.length = gap;
      }
      await this.registerChannel(roomId);
      this.repairChunks(roomId, events, []);
    }
    return rooms;
  }

  /** Writes the chunks a room's log should have and has not (a database from before chunks, a write lost in a crash). */
  private repairChunks(
    roomId: string,
    events: readonly LoggedRoomEvent[],
    chunks: readonly RoomLogChunkRecord[],
  ): void {
    const have = new Set(chunks.map((chunk) => chunk.n));
    for (let n = 0; (n + 1) * CHUNK_EVENTS <= events.length; n++)
      if (!have.has(n)) void this.writeChunk(roomId, n, events);
  }

  private async writeChunk(roomId: string, n: number, events: readonly LoggedRoomEvent[]): Promise<void> {
    const packed = events.slice(n * CHUNK_EVENTS, (n + 1) * CHUNK_EVENTS).map(pack);
    if (packed.length !== CHUNK_EVENTS) return;
    try {
      await this.chunks
        .replaceOne(
          { _id: roomLogChunkId(roomId, n) },
          { _id: roomLogChunkId(roomId, n), roomId, n, events: JSON.stringify(packed) },
          { upsert: true },
        )
        .exec();
    } catch (error) {
      // Only boot time suffers: the next boot reads these events one by one and writes the chunk again.
      if (!isDuplicateKeyError(error))
        this.logger.warn(`room ${roomId}: chunk ${n} not written: ${String(error)}`);
    }
  }
}
