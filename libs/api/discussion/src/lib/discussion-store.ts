import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel } from '@helix/api/core';
import { ModerationLogService } from '@helix/api/moderation';
import { RoomSubjects, type LoggedRoomEvent, type RoomSubjectSource } from '@helix/api/realtime';
import { SearchIndex, type SearchDocument } from '@helix/api/search';
import {
  isSystemAuthor,
  type Message,
  type MessageAttachment,
  type MessagePage,
  type PublicUser,
  type RoomEventType,
  type Thread,
} from '@helix/contract';
import type { Model, UpdateQuery } from 'mongoose';
import { MessageRecord } from './schemas/message.schema';
import { ThreadRecord } from './schemas/thread.schema';

export const MESSAGE_EVENT_TYPES = [
  'message.created',
  'message.updated',
  'message.deleted',
  'message.hidden',
  'reaction.updated',
] as const satisfies readonly RoomEventType[];
export const THREAD_EVENT_TYPES = [
  'thread.created',
  'thread.updated',
] as const satisfies readonly RoomEventType[];
const isMessageEvent = (type: RoomEventType): boolean =>
  (MESSAGE_EVENT_TYPES as readonly string[]).includes(type);

/**
 * Told of every message state this instance takes in: at boot (`live` false) and then as changes arrive
 * (`previous` is the state it replaces), so features derived from messages need no pass of their own.
 */
export type MessageListener = (
  state: MessageState,
  previous: MessageState | undefined,
  live: boolean,
) => void;

/** A message in memory: its stored state and the view members see, built once per change. */
export interface MessageState {
  record: MessageRecord;
  view: Message;
}

interface ThreadState {
  record: ThreadRecord;
  /** The thread's messages in seq order. */
  messages: MessageState[];
  /** Messages that are not deleted. */
  count: number;
}

const toMessage = (record: MessageRecord): Message => ({
  id: record._id.toHexString(),
  roomId: record.roomId,
  threadId: record.threadId,
  seq: record.seq,
  clientId: record.clientId,
  author: record.author,
  text: record.text,
  attachment: record.attachment,
  replyTo: record.replyTo,
  mentions: record.mentions,
  reactions: record.reactions,
  createdAt: record.createdAt.toISOString(),
  editedAt: record.editedAt?.toISOString() ?? null,
  deleted: record.deleted,
  hidden: record.hidden ? { reason: record.hidden.reason, at: record.hidden.at.toISOString() } : null,
});

/** A document as an earlier version of Helix may have stored it, without the fields added since. */
type Stored<T, Added extends keyof T> = Omit<T, Added> & Partial<Pick<T, Added>>;

/** Fields a document stored by an earlier version of Helix may lack read with their defaults. */
const withMessageDefaults = (
  record: Stored<
    MessageRecord,
    'attachment' | 'replyTo' | 'mentions' | 'reactions' | 'editedAt' | 'deleted' | 'hidden' | 'version'
  >,
): MessageRecord => ({
  attachment: null,
  replyTo: null,
  mentions: [],
  reactions: {},
  editedAt: null,
  deleted: false,
  hidden: null,
  version: 0,
  ...record,
});
const withThreadDefaults = (
  record: Stored<ThreadRecord, 'pinned' | 'locked' | 'resolved' | 'deleted' | 'clientId' | 'version'>,
): ThreadRecord => ({
  pinned: false,
  locked: false,
  resolved: false,
  deleted: false,
  clientId: null,
  version: 0,
  ...record,
});

/** The words search finds Helix's post by: a poll's question, its options and the words given. */
function attachmentText({ poll }: MessageAttachment): string {
  const words =
    poll.formatResult?.kind === 'word_cloud' ? poll.formatResult.words.map(({ word }) => word) : [];
  return [poll.question, ...poll.options.map((option) => option.label), ...words].join('\n');
}

/** Where `seq` goes in a list in seq order: the index of the first entry at or after it. */
function seqIndex(list: readonly MessageState[], seq: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle].record.seq < seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Puts `state` into a list in seq order, replacing the entry of the same message. */
function place(list: MessageState[], state: MessageState): void {
  const at = seqIndex(list, state.record.seq);
  if (list[at]?.record.seq === state.record.seq) list[at] = state;
  else list.splice(at, 0, state);
}

/**
 * The threads and messages of every room, in memory (docs/adr/0001-forum-scale.md): thread lists with their
 * counts and last activity, and history pages, are answered from here without asking the database. Changes
 * arrive through the room log: this instance's own when they are committed, another instance's by reading the
 * document again by `_id`; a state never replaces a newer one (`version`).
 */
@Injectable()
export class DiscussionStore extends ReadModel implements RoomSubjectSource {
  private readonly messages = new Map<string, MessageState>();
  private readonly threads = new Map<string, ThreadState>();
  private readonly roomThreads = new Map<string, Set<string>>();
  /** Each room's messages in seq order, across threads. */
  private readonly roomMessages = new Map<string, MessageState[]>();
  /** Who wrote in each room: the people a message there may mention. */
  private readonly roomAuthors = new Map<string, Map<string, PublicUser>>();
  private readonly listeners: MessageListener[] = [];

  constructor(
    @InjectModel(MessageRecord.name) private readonly messageModel: Model<MessageRecord>,
    @InjectModel(ThreadRecord.name) private readonly threadModel: Model<ThreadRecord>,
    private readonly search: SearchIndex,
    private readonly moderationLog: ModerationLogService,
    subjects: RoomSubjects,
  ) {
    super();
    subjects.register([...MESSAGE_EVENT_TYPES, ...THREAD_EVENT_TYPES], this);
  }

  onMessage(listener: MessageListener): void {
    this.listeners.push(listener);
  }

  /** The people who wrote in the room, each as they last signed a message there. */
  authorsOf(roomId: string): PublicUser[] {
    return [...(this.roomAuthors.get(roomId)?.values() ?? [])];
  }

  /** The room's messages in seq order (read-only). */
  messagesOf(roomId: string): readonly MessageState[] {
    return this.roomMessages.get(roomId) ?? [];
  }

  message(id: string): MessageState | undefined {
    return this.messages.get(id);
  }

  /**
   * Every thread one person started and every message they wrote or reacted to (in seq order): a pass
   * over memory, asked only by that person's data export or account deletion.
   */
  touchedBy(userId: string): { started: ThreadRecord[]; written: MessageRecord[]; reacted: MessageRecord[] } {
    const started = [...this.threads.values()]
      .map((thread) => thread.record)
      .filter((record) => record.createdBy.id === userId && !record.deleted);
    const written: MessageRecord[] = [];
    const reacted: MessageRecord[] = [];
    for (const { record } of this.messages.values()) {
      if (record.authorId === userId) written.push(record);
      if (Object.values(record.reactions).some((who) => who.includes(userId))) reacted.push(record);
    }
    const bySeq = (a: MessageRecord, b: MessageRecord) => a.roomId.localeCompare(b.roomId) || a.seq - b.seq;
    return { started, written: written.sort(bySeq), reacted: reacted.sort(bySeq) };
  }

  /** The message, read by `_id` when this instance has not heard of it yet (sent a moment ago on another). */
  async findMessage(id: string): Promise<MessageState | undefined> {
    if (!this.messages.has(id)) await this.reload(id, { type: 'message.created' });
    return this.message(id);
  }

  /** The thread, read by `_id` when this instance has not heard of it yet. */
  async findThread(roomId: string, threadId: string): Promise<ThreadRecord | undefined> {
    if (!this.threads.has(threadId)) await this.reload(threadId, { type: 'thread.created' });
    return this.thread(roomId, threadId);
  }

  /** A thread of the room that has not been deleted. */
  thread(roomId: string, threadId: string): ThreadRecord | undefined {
    const state = this.threads.get(threadId);
    return state?.record.roomId === roomId && !state.record.deleted ? state.record : undefined;
  }

  /** Whether anyone but `userId` wrote in the thread (its author may delete it only while nobody else has). */
  othersWroteIn(threadId: string, userId: string): boolean {
    return (this.threads.get(threadId)?.messages ?? []).some((state) => state.record.authorId !== userId);
  }

  /** The `_id`s of a room's threads and messages, deleted ones too (a whole-forum export). */
  idsOf(roomId: string): { threads: unknown[]; messages: unknown[] } {
    return {
      threads: [...(this.roomThreads.get(roomId) ?? [])].flatMap(
        (id) => this.threads.get(id)?.record._id ?? [],
      ),
      messages: (this.roomMessages.get(roomId) ?? []).map((state) => state.record._id),
    };
  }

  /** The room's threads, pinned first, then by last activity. */
  threadsOf(roomId: string): Thread[] {
    return [...(this.roomThreads.get(roomId) ?? [])]
      .map((threadId) => this.threadView(threadId))
      .filter((thread): thread is Thread => thread !== null && !thread.deleted)
      .sort(
        (a, b) => Number(b.pinned) - Number(a.pinned) || b.lastActivityAt.localeCompare(a.lastActivityAt),
      );
  }

  threadView(threadId: string): Thread | null {
    const state = this.threads.get(threadId);
    if (!state) return null;
    const { record } = state;
    const last = state.messages.at(-1)?.record.createdAt ?? record.createdAt;
    return {
      id: record._id.toHexString(),
      roomId: record.roomId,
      title: record.title,
      createdBy: record.createdBy,
      pinned: record.pinned,
      locked: record.locked,
      resolved: record.resolved,
      deleted: record.deleted,
      messageCount: state.count,
      lastActivityAt: last.toISOString(),
      createdAt: record.createdAt.toISOString(),
    };
  }

  /** The `limit` newest messages before `beforeSeq` (of a thread, or of the whole room), in seq order. */
  page(
    roomId: string,
    threadId: string | undefined,
    beforeSeq: number | undefined,
    limit: number,
  ): MessagePage {
    const list = threadId
      ? this.thread(roomId, threadId)
        ? (this.threads.get(threadId)?.messages ?? [])
        : []
      : (this.roomMessages.get(roomId) ?? []);
    const end = beforeSeq === undefined ? list.length : seqIndex(list, beforeSeq);
    const start = Math.max(0, end - limit);
    return { items: list.slice(start, end).map((state) => state.view), hasMore: start > 0 };
  }

  /** Applies a message's stored state, unless a newer one is already here. */
  putMessage(stored: MessageRecord): MessageState {
    const record = withMessageDefaults(stored);
    const id = record._id.toHexString();
    const existing = this.messages.get(id);
    if (existing && existing.record.version >= record.version) return existing;
    const state: MessageState = { record, view: toMessage(record) };
    this.messages.set(id, state);
    this.index(state);
    const thread = this.threads.get(record.threadId);
    if (thread) {
      place(thread.messages, state);
      thread.count += Number(!record.deleted) - (existing ? Number(!existing.record.deleted) : 0);
    }
    place(this.listOf(this.roomMessages, record.roomId), state);
    this.noteAuthor(record);
    for (const listener of this.listeners) listener(state, existing, true);
    return state;
  }

  /** Applies a thread's stored state, unless a newer one is already here. */
  putThread(stored: ThreadRecord): void {
    const record = withThreadDefaults(stored);
    const id = record._id.toHexString();
    const existing = this.threads.get(id);
    if (record.deleted) {
      this.search.remove('thread', id);
      for (const state of existing?.messages ?? []) this.search.remove('message', state.view.id);
    } else this.search.put(this.threadDocument(record));
    if (existing) {
      if (existing.record.version < record.version) existing.record = record;
      return;
    }
    this.threads.set(id, { record, messages: [], count: 0 });
    let ids = this.roomThreads.get(record.roomId);
    if (!ids) {
      ids = new Set();
      this.roomThreads.set(record.roomId, ids);
    }
    ids.add(id);
  }

  async reload(
    subjectId: string,
    event: Pick<LoggedRoomEvent, 'type'> & Partial<LoggedRoomEvent>,
  ): Promise<void> {
    if (isMessageEvent(event.type)) {
      let record = await this.messageModel.findById(subjectId).lean<MessageRecord>().exec();
      if (record && event.roomId !== undefined && event.seq !== undefined)
        record = await this.removalAgain(record, event.type, event.roomId, event.seq);
      if (record) this.putMessage(record);
      return;
    }
    const record = await this.threadModel.findById(subjectId).lean<ThreadRecord>().exec();
    if (record) this.putThread(record);
  }

  /**
   * On the embedded database two instances' updates of one message can interleave (docs/adr point 5): an
   * edit decided just before another instance's hide or delete, and written just after it, puts the text back.
   * The removal is the later room event, so when it arrives here and the stored message does not show it, it
   * is written again. A hide is written again only once its moderation entry (written before the hide itself)
   * is there, with that entry's reason; without one, the hide's own write is still to come.
   */
  private async removalAgain(
    record: MessageRecord,
    type: RoomEventType,
    roomId: string,
    seq: number,
  ): Promise<MessageRecord | null> {
    let removal: UpdateQuery<MessageRecord>;
    if (type === 'message.deleted' && !record.deleted) {
      removal = { $set: { text: '', deleted: true, reactions: {} } };
    } else if (type === 'message.hidden' && !record.hidden && !record.deleted) {
      const reason = await this.moderationLog.reasonOf(roomId, seq);
      if (reason === undefined) return record;
      removal = { $set: { text: '', reactions: {}, hidden: { reason: reason ?? '', at: new Date() } } };
    } else {
      return record;
    }
    return this.messageModel
      .findOneAndUpdate({ _id: record._id }, { ...removal, $inc: { version: 1 } }, { new: true })
      .lean<MessageRecord>()
      .exec();
  }

  view(type: RoomEventType, subjectId: string): Message | Thread | null {
    return (isMessageEvent(type) ? this.messages.get(subjectId)?.view : this.threadView(subjectId)) ?? null;
  }

  /** The boot pass: every thread, then every message, put in order once. */
  protected async load(): Promise<void> {
    for (const record of await this.threadModel.find().lean<ThreadRecord[]>().exec()) this.putThread(record);
    const all: MessageState[] = [];
    for await (const stored of this.messageModel.find().lean<MessageRecord>().cursor({ batchSize: 5_000 })) {
      const record = withMessageDefaults(stored);
      const state = { record, view: toMessage(record) };
      this.messages.set(state.view.id, state);
      all.push(state);
    }
    all.sort((a, b) => a.record.seq - b.record.seq);
    for (const state of all) {
      const thread = this.threads.get(state.record.threadId);
      if (thread) {
        thread.messages.push(state);
        thread.count += Number(!state.record.deleted);
      }
      this.listOf(this.roomMessages, state.record.roomId).push(state);
      this.index(state);
      this.noteAuthor(state.record);
      for (const listener of this.listeners) listener(state, undefined, false);
    }
  }

  /** What people can read of a message is searchable; a hidden or deleted one leaves the index. */
  private index(state: MessageState): void {
    const { record, view } = state;
    if (record.deleted || record.hidden || this.threads.get(record.threadId)?.record.deleted) {
      this.search.remove('message', view.id);
      return;
    }
    this.search.put({
      kind: 'message',
      id: view.id,
      roomId: record.roomId,
      threadId: record.threadId,
      title: '',
      context: this.threads.get(record.threadId)?.record.title ?? '',
      text: record.attachment ? attachmentText(record.attachment) : record.text,
      at: view.createdAt,
    });
  }

  private threadDocument(record: ThreadRecord): SearchDocument {
    const id = record._id.toHexString();
    return {
      kind: 'thread',
      id,
      roomId: record.roomId,
      threadId: id,
      title: record.title,
      text: '',
      at: record.createdAt.toISOString(),
    };
  }

  /** Helix is nobody to mention. */
  private noteAuthor(record: MessageRecord): void {
    if (isSystemAuthor(record.author)) return;
    let authors = this.roomAuthors.get(record.roomId);
    if (!authors) {
      authors = new Map();
      this.roomAuthors.set(record.roomId, authors);
    }
    authors.set(record.authorId, record.author);
  }

  private listOf(map: Map<string, MessageState[]>, key: string): MessageState[] {
    let list = map.get(key);
    if (!list) {
      list = [];
      map.set(key, list);
    }
    return list;
  }
}
