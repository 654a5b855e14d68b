import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel } from '@helix/api/core';
import type { Model } from 'mongoose';
import { ReadMarkRecord } from '../schemas/read-mark.schema';

/** A reader scrolling through a busy room moves their mark many times a second; the store hears of it at most this often. */
export const READ_MARK_FLUSH_MS = 2_000;

const markId = (userId: string, roomId: string): string => `${userId}:${roomId}`;

/**
 * How far each person has read each room, in memory; a mark only moves forward, and is written to its one
 * document by `_id` once per READ_MARK_FLUSH_MS however often it moved (and at shutdown). Another instance
 * learns a mark at its next boot: a person's marks are read where they are, so this costs at most a stale
 * badge on a second instance.
 */
@Injectable()
export class ReadMarks extends ReadModel implements OnApplicationShutdown {
  private readonly logger = new Logger(ReadMarks.name);
  private readonly marks = new Map<string, number>();
  private readonly pending = new Set<string>();
  private flushTimer?: NodeJS.Timeout;

  constructor(@InjectModel(ReadMarkRecord.name) private readonly model: Model<ReadMarkRecord>) {
    super();
  }

  /** The seq the person last read in the room; 0 when never. */
  seq(userId: string, roomId: string): number {
    return this.marks.get(markId(userId, roomId)) ?? 0;
  }

  mark(userId: string, roomId: string, seq: number): void {
    const id = markId(userId, roomId);
    if ((this.marks.get(id) ?? 0) >= seq) return;
    this.marks.set(id, seq);
    this.pending.add(id);
    this.flushTimer ??= setTimeout(() => void this.flush(), READ_MARK_FLUSH_MS).unref();
  }

  onApplicationShutdown(): Promise<void> {
    return this.flush();
  }

  private async flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const ids = [...this.pending];
    this.pending.clear();
    await Promise.all(
      ids.map(async (id) => {
        const [userId, roomId] = id.split(':');
        const seq = this.marks.get(id) ?? 0;
        try {
          await this.model
            .updateOne({ _id: id }, { $set: { userId, roomId, seq, at: new Date() } }, { upsert: true })
            .exec();
        } catch (error) {
          // Kept for the next flush: a mark written late only means a badge that was right here anyway.
          this.logger.warn(`read mark ${id} not stored: ${String(error)}`);
          this.pending.add(id);
          this.flushTimer ??= setTimeout(() => void this.flush(), READ_MARK_FLUSH_MS).unref();
        }
      }),
    );
  }

  protected async load(): Promise<void> {
    for await (const record of this.model.find().lean<ReadMarkRecord>().cursor({ batchSize: 5_000 }))
      this.marks.set(record._id, Math.max(record.seq, this.marks.get(record._id) ?? 0));
  }
}
