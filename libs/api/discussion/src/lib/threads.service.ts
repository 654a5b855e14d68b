import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  deterministicId,
  isDuplicateKeyError,
  mayModerateRoom,
  toPublicUser,
  type AuthenticatedUser,
} from '@helix/api/core';
import { ModerationLogService, type ModerationRecordInput } from '@helix/api/moderation';
import { RoomEventLog } from '@helix/api/realtime';
import { RoomsService } from '@helix/api/forums';
import type {
  CreateThreadRequest,
  ModerationAction,
  PublicUser,
  Thread,
  UpdateThreadRequest,
} from '@helix/contract';
import { trusted, Types, type Model } from 'mongoose';
import { DiscussionStore } from './discussion-store';
import { ThreadRecord } from './schemas/thread.schema';

const THREAD_FLAGS = ['pinned', 'locked', 'resolved'] as const;
/** The moderation log's action for setting each flag, then for clearing it. */
const FLAG_ACTIONS: Record<(typeof THREAD_FLAGS)[number], [ModerationAction, ModerationAction]> = {
  pinned: ['thread.pinned', 'thread.unpinned'],
  locked: ['thread.locked', 'thread.unlocked'],
  resolved: ['thread.resolved', 'thread.reopened'],
};

export interface CreateThreadResult {
  thread: Thread;
  /** False when the creator had already sent this clientId: the stored thread, nothing new. */
  created: boolean;
}

@Injectable()
export class ThreadsService {
  constructor(
    @InjectModel(ThreadRecord.name) private readonly threads: Model<ThreadRecord>,
    private readonly store: DiscussionStore,
    private readonly rooms: RoomsService,
    private readonly log: RoomEventLog,
    private readonly moderationLog: ModerationLogService,
  ) {}

  /** With a clientId, a second request (a double click, a retry) answers the thread the first one made. */
  async create(
    user: AuthenticatedUser,
    roomId: string,
    request: CreateThreadRequest,
  ): Promise<CreateThreadResult> {
    await this.rooms.get(roomId);
    const id = request.clientId ? deterministicId('thread', user.id, request.clientId) : new Types.ObjectId();
    const threadId = id.toHexString();
    if (request.clientId) await this.store.findThread(roomId, threadId);
    let created = false;
    const thread = await this.log.record(roomId, () => {
      if (this.store.threadView(threadId)) return { event: null, result: () => this.viewOf(threadId) };
      const record: ThreadRecord = {
        _id: id,
        roomId,
        title: request.title,
        createdBy: toPublicUser(user),
        pinned: false,
        locked: false,
        resolved: false,
        deleted: false,
        clientId: request.clientId ?? null,
        createdAt: new Date(),
        version: 1,
      };
      return {
        event: { type: 'thread.created', subjectId: threadId, threadId, actorId: user.id },
        commit: async () => {
          try {
            await this.threads.collection.insertOne(record as never);
          } catch (error) {
            // The same clientId reached another instance at the same moment: that one stored it.
            if (!isDuplicateKeyError(error)) throw error;
            await this.store.findThread(roomId, threadId);
            return;
          }
          this.store.putThread(record);
          created = true;
        },
        result: () => this.viewOf(threadId),
      };
    });
    return { thread, created };
  }

  async list(roomId: string): Promise<Thread[]> {
    await this.rooms.get(roomId);
    return this.store.threadsOf(roomId);
  }

  /**
   * Renames (its author or a moderator) or flags (moderators) a thread, decided in the room's queue; each
   * flag that really changes, and a moderator's renaming of someone else's thread, is in the moderation log.
   */
  async update(
    user: AuthenticatedUser,
    roomId: string,
    threadId: string,
    patch: UpdateThreadRequest,
  ): Promise<Thread> {
    await this.rooms.get(roomId);
    await this.store.findThread(roomId, threadId);
    return this.log.record(roomId, () => {
      const current = this.store.thread(roomId, threadId);
      if (!current) throw new NotFoundException('No such thread in this room');
      const changed = THREAD_FLAGS.filter(
        (flag) => patch[flag] !== undefined && patch[flag] !== current[flag],
      );
      if (changed.length && !mayModerateRoom(user, roomId))
        throw new ForbiddenException('Only a moderator or an admin may pin, lock or resolve a thread');
      const own = current.createdBy.id === user.id;
      const renamed = patch.title !== undefined && patch.title !== current.title;
      if (renamed && !own && !mayModerateRoom(user, roomId))
        throw new ForbiddenException('Only the author or a moderator may rename or delete this thread');
      const actions: ModerationRecordInput[] = changed.map((flag) => ({
        action: FLAG_ACTIONS[flag][patch[flag] ? 0 : 1],
        subjectId: threadId,
      }));
      if (renamed && !own)
        actions.push({ action: 'thread.renamed', subjectId: threadId, detail: current.title });
      const set = {
        ...Object.fromEntries(changed.map((flag) => [flag, patch[flag]])),
        ...(renamed ? { title: patch.title } : {}),
      };
      return this.change(user, roomId, threadId, set, actions);
    });
  }

  /** The thread's author deleted their account: the thread stays, started by `former` (a room event). */
  async setCreator(
    person: AuthenticatedUser,
    roomId: string,
    threadId: string,
    former: PublicUser,
  ): Promise<void> {
    await this.log.record(roomId, () => {
      const current = this.store.thread(roomId, threadId);
      if (!current) throw new NotFoundException('No such thread in this room');
      if (current.createdBy.id !== person.id) throw new ForbiddenException('Only the author’s own threads');
      return this.change(person, roomId, threadId, { createdBy: former }, []);
    });
  }

  /** Its author deletes a thread nobody else wrote in; a moderator, any thread (logged). */
  async remove(user: AuthenticatedUser, roomId: string, threadId: string): Promise<void> {
    await this.rooms.get(roomId);
    await this.store.findThread(roomId, threadId);
    await this.log.record(roomId, () => {
      const current = this.store.thread(roomId, threadId);
      if (!current) throw new NotFoundException('No such thread in this room');
      const own = current.createdBy.id === user.id;
      if (!mayModerateRoom(user, roomId)) {
        if (!own)
          throw new ForbiddenException('Only the author or a moderator may rename or delete this thread');
        if (this.store.othersWroteIn(threadId, user.id))
          throw new ConflictException('Others have written in this thread: ask a moderator to remove it');
      }
      const actions: ModerationRecordInput[] = own
        ? []
        : [{ action: 'thread.deleted', subjectId: threadId, detail: current.title }];
      return this.change(user, roomId, threadId, { deleted: true }, actions);
    });
  }

  private change(
    user: AuthenticatedUser,
    roomId: string,
    threadId: string,
    set: Partial<ThreadRecord>,
    actions: ModerationRecordInput[],
  ) {
    return {
      event: Object.keys(set).length
        ? { type: 'thread.updated' as const, subjectId: threadId, threadId, actorId: user.id }
        : null,
      commit: async (seq: number) => {
        const updated = await this.threads
          .findOneAndUpdate(
            { _id: threadId, deleted: trusted({ $ne: true }) },
            { $set: set, $inc: { version: 1 } },
            { new: true },
          )
          .lean<ThreadRecord>()
          .exec();
        if (!updated) throw new NotFoundException('No such thread in this room');
        this.store.putThread(updated);
        await this.moderationLog.record(user, roomId, seq, actions);
      },
      result: () => this.viewOf(threadId),
    };
  }

  private viewOf(threadId: string): Thread {
    const thread = this.store.threadView(threadId);
    if (!thread) throw new NotFoundException('No such thread in this room');
    return thread;
  }
}
