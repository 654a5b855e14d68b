import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { deterministicId, isDuplicateKeyError } from '@helix/api/core';
import type { Model } from 'mongoose';
import { ForumsStore, withRoomDefaults } from '../forums-store';
import { newJoinCode } from '../join-code';
import { ForumRecord } from '../schemas/forum.schema';
import { RoomRecord } from '../schemas/room.schema';
import { parseForumSeed } from './forum-seed.parser';
import { FORUM_SEED_TEXT } from './forum-seed.text';
import { SEED_FORUM, SEED_ROOMS_RU } from './seed-forum';

/**
 * On a database with no forum, creates the forum of forum-seed.txt, live, with its 3 track rooms and 6
 * cluster rooms in English and Russian; rooms stored before rooms belonged to forums join it, keeping
 * their ids (and so their threads). Ids are derived from slugs, so instances starting at once make one of
 * each, and every start makes sure the seed forum has its rooms (another instance may have been half-way).
 */
@Injectable()
export class ForumSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(ForumSeeder.name);

  constructor(
    @InjectModel(ForumRecord.name) private readonly forums: Model<ForumRecord>,
    @InjectModel(RoomRecord.name) private readonly rooms: Model<RoomRecord>,
    private readonly store: ForumsStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.store.onApplicationBootstrap();
    const seeded = this.store.forum(deterministicId('forum', SEED_FORUM.slug).toHexString());
    if (!seeded && this.store.forums().length) return;
    const forum = seeded ?? (await this.seedForum());
    const forumId = forum._id.toHexString();
    let created = 0;
    for (const seed of parseForumSeed(FORUM_SEED_TEXT)) {
      const russian = SEED_ROOMS_RU[seed.slug];
      const texts = {
        forumId,
        slug: seed.slug,
        kind: seed.kind,
        title: { en: seed.title, ru: russian?.title ?? seed.title },
        description: { en: seed.description, ru: russian?.description ?? seed.description },
        keyQuestions: { en: seed.keyQuestions, ru: russian?.keyQuestions ?? seed.keyQuestions },
        order: seed.order,
        archived: false,
      };
      const legacy = this.store.rooms().find((room) => !room.forumId && room.slug === seed.slug);
      if (legacy) {
        const updated = await this.rooms
          .findOneAndUpdate({ _id: legacy._id }, { $set: texts, $inc: { version: 1 } }, { new: true })
          .lean<RoomRecord>()
          .exec();
        if (updated) this.store.putRoom(withRoomDefaults(updated));
        continue;
      }
      const record: RoomRecord = { _id: deterministicId('room', forumId, seed.slug), ...texts, version: 1 };
      if (this.store.room(record._id.toHexString())) continue;
      try {
        await this.rooms.collection.insertOne(record as never);
        this.store.putRoom(record);
        created += 1;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const stored = await this.rooms.findById(record._id).lean<RoomRecord>().exec();
        if (stored) this.store.putRoom(withRoomDefaults(stored));
      }
    }
    if (created) this.logger.log(`Seeded the forum “${SEED_FORUM.title.en}” with ${created} rooms`);
  }

  private async seedForum(): Promise<ForumRecord> {
    const now = new Date();
    const record: ForumRecord = {
      _id: deterministicId('forum', SEED_FORUM.slug),
      slug: SEED_FORUM.slug,
      title: SEED_FORUM.title,
      description: SEED_FORUM.description,
      venue: SEED_FORUM.venue,
      status: 'live',
      startsAt: SEED_FORUM.startsAt,
      endsAt: SEED_FORUM.endsAt,
      timeZone: SEED_FORUM.timeZone,
      joinCode: newJoinCode(),
      outcomePublished: false,
      organizerIds: [],
      openedAt: now,
      closedAt: null,
      createdAt: now,
      version: 1,
    };
    try {
      await this.forums.collection.insertOne(record as never);
      return this.store.putForum(record);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const stored = await this.forums.findById(record._id).lean<ForumRecord>().exec();
      return this.store.putForum(stored ?? record);
    }
  }
}
