import { Injectable, Logger, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@helix/api/core';
import type { Room } from '@helix/contract';
import type { Model } from 'mongoose';
import { RoomRecord } from './schemas/room.schema';
import { parseForumSeed, type SeedRoom } from './seed/forum-seed.parser';
import { FORUM_SEED_TEXT } from './seed/forum-seed.text';

const toRoom = (record: RoomRecord): Room => ({
  id: record._id.toHexString(),
  slug: record.slug,
  kind: record.kind,
  title: record.title,
  description: record.description,
  // FerretDB does not keep an empty array inserted through $setOnInsert.
  keyQuestions: record.keyQuestions ?? [],
});

@Injectable()
export class RoomsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RoomsService.name);
  /** Rooms change only by seeding, so every request after the first is served from memory. */
  private cache?: Promise<Room[]>;

  constructor(@InjectModel(RoomRecord.name) private readonly rooms: Model<RoomRecord>) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.seed(parseForumSeed(FORUM_SEED_TEXT));
    if (created) this.logger.log(`Seeded ${created} forum rooms`);
    // Read at boot, with the other read models: no request waits for the first read.
    await this.list();
  }

  /** Idempotent: an upsert per slug, so two instances starting at once still make one room each. */
  async seed(rooms: SeedRoom[]): Promise<number> {
    let created = 0;
    for (const room of rooms) {
      try {
        const result = await this.rooms
          .updateOne({ slug: room.slug }, { $setOnInsert: room }, { upsert: true })
          .exec();
        created += result.upsertedCount;
      } catch (error) {
        // Another instance inserted the same slug between our look-up and insert.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    this.cache = undefined;
    return created;
  }

  list(): Promise<Room[]> {
    this.cache ??= this.rooms
      .find()
      .sort({ order: 1 })
      .lean<RoomRecord[]>()
      .exec()
      .then((records) => records.map(toRoom));
    this.cache.catch(() => (this.cache = undefined));
    return this.cache;
  }

  async get(roomId: string): Promise<Room> {
    const room = (await this.list()).find((candidate) => candidate.id === roomId);
    if (!room) throw new NotFoundException('No such room');
    return room;
  }
}
