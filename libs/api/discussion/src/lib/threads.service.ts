import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { toPublicUser, type AuthenticatedUser } from '@helix/api/core';
import { ModerationLogService, type ModerationRecordInput } from '@helix/api/moderation';
import { RoomEventLog } from '@helix/api/realtime';
import { RoomsService } from '@helix/api/rooms';
import type { ModerationAction, Thread, UpdateThreadRequest } from '@helix/contract';
import { Types, type Model } from 'mongoose';
import { DiscussionStore } from './discussion-store';
import { ThreadRecord } from './schemas/thread.schema';

const THREAD_FLAGS = ['pinned', 'locked', 'resolved'] as const;
/** The moderation log's action for setting each flag, then for clearing it. */
const FLAG_ACTIONS: Record<(typeof THREAD_FLAGS)[number], [ModerationAction, ModerationAction]> = {
  pinned: ['thread.pinned', 'thread.unpinned'],
  locked: ['thread.locked', 'thread.unlocked'],
  resolved: ['thread.resolved', 'thread.reopened'],
};

@Injectable()
export class ThreadsService {
  constructor(
    @InjectModel(ThreadRecord.name) private readonly threads: Model<ThreadRecord>,
    private readonly store: DiscussionStore,
    private readonly rooms: RoomsService,
    private readonly log: RoomEventLog,
    private readonly moderationLog: ModerationLogService,
  ) {}

  async create(user: AuthenticatedUser, roomId: string, title: string): Promise<Thread> {
    await this.rooms.get(roomId);
    const record: ThreadRecord = {
      _id: new Types.ObjectId(),
      roomId,
      title,
      createdBy: toPublicUser(user),
      pinned: false,
      locked: false,
      resolved: false,
      createdAt: new Date(),
      version: 1,
    };
    const id = record._id.toHexString();
    return this.log.record(roomId, () => ({
      event: { type: 'thread.created', subjectId: id, threadId: id, actorId: user.id },
      commit: async () => {
        await this.threads.collection.insertOne(record as never);
        this.store.putThread(record);
      },
      result: () => this.viewOf(id),
    }));
  }

  async list(roomId: string): Promise<Thread[]> {
    await this.rooms.get(roomId);
    return this.store.threadsOf(roomId);
  }

  /**
   * Decided in the room's queue, so the flags read, the change and its event see no other change of the
   * room in between; each flag that really changes is recorded in the moderation log.
   */
  async update(
    user: AuthenticatedUser,
    roomId: string,
    threadId: string,
    patch: UpdateThreadRequest,
  ): Promise<Thread> {
    await this.rooms.get(roomId);
    return this.log.record(roomId, () => {
      const current = this.store.thread(roomId, threadId);
      if (!current) throw new NotFoundException('No such thread in this room');
      const changed = THREAD_FLAGS.filter(
        (flag) => patch[flag] !== undefined && patch[flag] !== current[flag],
      );
      const actions: ModerationRecordInput[] = changed.map((flag) => ({
        action: FLAG_ACTIONS[flag][patch[flag] ? 0 : 1],
        subjectId: threadId,
      }));
      const set = Object.fromEntries(changed.map((flag) => [flag, patch[flag]]));
      return {
        event: changed.length
          ? { type: 'thread.updated', subjectId: threadId, threadId, actorId: user.id }
          : null,
        commit: async (seq) => {
          const updated = await this.threads
            .findOneAndUpdate({ _id: threadId }, { $set: set, $inc: { version: 1 } }, { new: true })
            .lean<ThreadRecord>()
            .exec();
          if (!updated) throw new NotFoundException('No such thread in this room');
          this.store.putThread(updated);
          await this.moderationLog.record(user, roomId, seq, actions);
        },
        result: () => this.viewOf(threadId),
      };
    });
  }

  private viewOf(threadId: string): Thread {
    const thread = this.store.threadView(threadId);
    if (!thread) throw new NotFoundException('No such thread in this room');
    return thread;
  }
}
