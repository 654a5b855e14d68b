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
import { RoomsService, type SystemPost } from '@helix/api/forums';
import {
  THREAD_TITLE_MAX,
  type Author,
  type CreateThreadRequest,
  type ModerationAction,
  type PublicUser,
  type Thread,
  type UpdateThreadRequest,
} from '@helix/contract';
import { trusted, Types, type Model } from 'mongoose';
import { DiscussionStore } from './discussion-store';
import { HELIX_AUTHOR } from './helix-author';
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
    if (request.clientId) await this.store.findThread(roomId, id.toHexString());
    return this.insert(id, roomId, request.title, toPublicUser(user), request.clientId ?? null);
  }

  /**
   * Helix's own thread, with the id the post names (RoomPosts): made once, however often it is asked for. Its
   * title is cut to a thread title's length (a poll's question may be longer).
   */
  async openSystem(post: Pick<SystemPost, 'roomId' | 'threadId' | 'title'>): Promise<void> {
    await this.rooms.get(post.roomId);
    await this.store.findThread(post.roomId, post.threadId);
    const title =
      post.title.length > THREAD_TITLE_MAX ? `${post.title.slice(0, THREAD_TITLE_MAX - 1)}…` : post.title;
    await this.insert(new Types.ObjectId(post.threadId), post.roomId, title, HELIX_AUTHOR, null);
  }

  /** A new thread, unless one with this id is already there (a request sent again: the stored one). */
  private async insert(
    id: Types.ObjectId,
    roomId: string,
    title: string,
    createdBy: Author,
    clientId: string | null,
  ): Promise<CreateThreadResult> {
    const threadId = id.toHexString();
    let created = false;
    const thread = await this.log.record(roomId, () => {
      if (this.store.threadView(threadId)) return { event: null, result: () => this.viewOf(threadId) };
      const record: ThreadRecord = {
        _id: id,
        roomId,
        title,
        createdBy,
        pinned: false,
        locked: false,
        resolved: false,
        deleted: false,
        clientId,
        createdAt: new Date(),
        version: 1,
      };
      return {
        event: { type: 'thread.created', subjectId: threadId, threadId, actorId: createdBy.id },
        commit: async () => {
          try {
            await this.threads.collection.insertOne(record as never);
          } catch (error) {
            // The same id reached another instance at the same moment: that one stored it.
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
