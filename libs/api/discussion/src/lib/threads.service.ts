import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { toPublicUser, type AuthenticatedUser } from '@helix/api/core';
import { RoomEventLog, RoomEventRecord } from '@helix/api/realtime';
import { ModerationLogService } from '@helix/api/moderation';
import type { ModerationAction, Thread, UpdateThreadRequest } from '@helix/contract';
import { Types, type Model } from 'mongoose';
import { RoomsService } from '@helix/api/rooms';
import { ThreadRecord } from './schemas/thread.schema';

const THREAD_FLAGS = ['pinned', 'locked', 'resolved'] as const;
/** The moderation log's action for setting each flag, then for clearing it. */
const FLAG_ACTIONS: Record<(typeof THREAD_FLAGS)[number], [ModerationAction, ModerationAction]> = {
  pinned: ['thread.pinned', 'thread.unpinned'],
  locked: ['thread.locked', 'thread.unlocked'],
  resolved: ['thread.resolved', 'thread.reopened'],
};

interface ThreadActivity {
  messageCount: number;
  lastActivityAt: Date;
}

const toThread = (record: ThreadRecord, activity?: ThreadActivity): Thread => ({
  id: record._id.toHexString(),
  roomId: record.roomId,
  title: record.title,
  createdBy: record.createdBy,
  pinned: record.pinned,
  locked: record.locked,
  resolved: record.resolved ?? false,
  messageCount: activity?.messageCount ?? 0,
  lastActivityAt: (activity?.lastActivityAt ?? record.createdAt).toISOString(),
  createdAt: record.createdAt.toISOString(),
});

@Injectable()
export class ThreadsService {
  constructor(
    @InjectModel(ThreadRecord.name) private readonly threads: Model<ThreadRecord>,
    @InjectModel(RoomEventRecord.name) private readonly events: Model<RoomEventRecord>,
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
    };
    await this.threads.create(record);
    const thread = toThread(record);
    await this.log.append({
      roomId,
      type: 'thread.created',
      actorId: user.id,
      threadId: thread.id,
      subjectId: thread.id,
      payload: thread,
    });
    return thread;
  }

  async list(roomId: string): Promise<Thread[]> {
    await this.rooms.get(roomId);
    const records = await this.threads.find({ roomId }).lean<ThreadRecord[]>().exec();
    return (await this.withActivity(roomId, records)).sort(
      (a, b) => Number(b.pinned) - Number(a.pinned) || b.lastActivityAt.localeCompare(a.lastActivityAt),
    );
  }

  /** A thread of the room that accepts messages; locked threads refuse them. */
  async getOpen(roomId: string, threadId: string): Promise<ThreadRecord> {
    const thread = await this.get(roomId, threadId);
    if (thread.locked) throw new ConflictException('This thread is locked by a moderator');
    return thread;
  }

  async get(roomId: string, threadId: string): Promise<ThreadRecord> {
    const thread = await this.threads.findOne({ _id: threadId, roomId }).lean<ThreadRecord>().exec();
    if (!thread) throw new NotFoundException('No such thread in this room');
    return thread;
  }

  /**
   * Changed inside the room's queue, so the state read, the change and its event see no other change of
   * the room in between; each flag that really changes is recorded in the moderation log.
   */
  async update(
    user: AuthenticatedUser,
    roomId: string,
    threadId: string,
    patch: UpdateThreadRequest,
  ): Promise<Thread> {
    await this.get(roomId, threadId);
    let thread: Thread | undefined;
    await this.log.appendWith(roomId, async () => {
      const current = await this.get(roomId, threadId);
      const actions = THREAD_FLAGS.filter(
        (flag) => patch[flag] !== undefined && patch[flag] !== (current[flag] ?? false),
      ).map((flag) => FLAG_ACTIONS[flag][patch[flag] ? 0 : 1]);
      const record = actions.length
        ? await this.threads
            .findOneAndUpdate({ _id: threadId, roomId }, { $set: patch }, { new: true })
            .lean<ThreadRecord>()
            .exec()
        : current;
      if (!record) throw new NotFoundException('No such thread in this room');
      // In the queue too, so the log lists changes in the order they were made.
      for (const action of actions) {
        await this.moderationLog.record(user, { roomId, action, subjectId: threadId });
      }
      [thread] = await this.withActivity(roomId, [record]);
      if (!actions.length) return null;
      return {
        roomId,
        type: 'thread.updated',
        actorId: user.id,
        threadId,
        subjectId: threadId,
        payload: thread,
      };
    });
    if (!thread) throw new NotFoundException('No such thread in this room');
    return thread;
  }

  private async withActivity(roomId: string, records: ThreadRecord[]): Promise<Thread[]> {
    const activity = await this.activity(roomId, records);
    return records.map((record) => toThread(record, activity.get(record._id.toHexString())));
  }

  /**
   * Message counts come from one grouped count; FerretDB has no $max accumulator, so each thread's
   * latest message is one indexed look-up.
   */
  private async activity(roomId: string, records: ThreadRecord[]): Promise<Map<string, ThreadActivity>> {
    const counts = await this.events
      .aggregate<{ _id: string; count: number }>([
        { $match: { roomId, type: 'message.created', 'payload.deleted': false } },
        { $group: { _id: '$threadId', count: { $sum: 1 } } },
      ])
      .exec();
    const countByThread = new Map(counts.map((row) => [row._id, row.count]));
    const latest = await Promise.all(
      records.map((record) =>
        this.events
          .findOne({ roomId, threadId: record._id.toHexString(), type: 'message.created' }, { at: 1 })
          .sort({ seq: -1 })
          .lean<Pick<RoomEventRecord, 'at'>>()
          .exec(),
      ),
    );
    return new Map(
      records.map((record, index) => [
        record._id.toHexString(),
        {
          messageCount: countByThread.get(record._id.toHexString()) ?? 0,
          lastActivityAt: latest[index]?.at ?? record.createdAt,
        },
      ]),
    );
  }
}
