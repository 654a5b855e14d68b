import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { deterministicId, ReadModel, toPublicUser, type AuthenticatedUser } from '@helix/api/core';
import { RoomSubjects, type LoggedRoomEvent } from '@helix/api/realtime';
import type { ModerationAction, ModerationEntry, RoomEventType } from '@helix/contract';
import type { Model } from 'mongoose';
import { ModerationEntryRecord } from './schemas/moderation-entry.schema';

export interface ModerationRecordInput {
  action: ModerationAction;
  subjectId?: string | null;
  reason?: string | null;
  detail?: string | null;
}

/** Entries a moderator reads at once; older ones stay stored. */
const LOG_PAGE = 200;

/** The room events whose changes a moderator makes, and so may carry entries. */
const MODERATED_EVENT_TYPES: readonly RoomEventType[] = [
  'message.hidden',
  'message.deleted',
  'thread.updated',
  'question.updated',
  'question.pending',
  'settings.updated',
  'poll.created',
  'poll.updated',
  'initiative.updated',
];

const entryId = (roomId: string, seq: number, index: number) =>
  deterministicId(roomId, String(seq), String(index));

const toEntry = (record: ModerationEntryRecord): ModerationEntry => ({
  id: record._id.toHexString(),
  roomId: record.roomId,
  action: record.action,
  moderator: record.moderator,
  subjectId: record.subjectId,
  reason: record.reason,
  detail: record.detail,
  at: record.at.toISOString(),
});

/** Newest first: by the event's seq, then by the action's place within it. */
const newestFirst = (a: ModerationEntryRecord, b: ModerationEntryRecord): number =>
  b.seq - a.seq || b.index - a.index;

interface RoomLog {
  entries: ModerationEntryRecord[];
  ids: Set<string>;
}

/** The moderation log of every room, in memory, newest first; stored one document per action. */
@Injectable()
export class ModerationLogService extends ReadModel {
  private readonly rooms = new Map<string, RoomLog>();

  constructor(
    @InjectModel(ModerationEntryRecord.name) private readonly entries: Model<ModerationEntryRecord>,
    subjects: RoomSubjects,
  ) {
    super();
    subjects.observeRemote(MODERATED_EVENT_TYPES, (event) => this.readEntriesOf(event));
  }

  /**
   * Records what a moderator did in the room event `seq` of the room (called while that event is committed,
   * inside the room's queue, so the log keeps the order of changes).
   */
  async record(
    moderator: AuthenticatedUser,
    roomId: string,
    seq: number,
    inputs: readonly ModerationRecordInput[],
  ): Promise<void> {
    const records = inputs.map((input, index): ModerationEntryRecord => ({
      _id: entryId(roomId, seq, index),
      roomId,
      seq,
      index,
      action: input.action,
      moderator: toPublicUser(moderator),
      subjectId: input.subjectId ?? null,
      reason: input.reason ?? null,
      detail: input.detail ?? null,
      at: new Date(),
    }));
    if (!records.length) return;
    await this.entries.insertMany(records);
    records.forEach((record) => this.add(record));
  }

  /** The reason a moderator gave for the change that room event `seq` made, once its entry is stored. */
  async reasonOf(roomId: string, seq: number): Promise<string | null | undefined> {
    const record = await this.entries
      .findById(entryId(roomId, seq, 0))
      .lean<ModerationEntryRecord>()
      .exec();
    return record ? record.reason : undefined;
  }

  /** What one moderator did, in every room: a pass over memory, for that person's own data export. */
  doneBy(userId: string): ModerationEntry[] {
    return [...this.rooms.values()]
      .flatMap((log) => log.entries.filter((record) => record.moderator.id === userId))
      .map(toEntry);
  }

  /** The room's newest entries first. */
  list(roomId: string): ModerationEntry[] {
    return (this.rooms.get(roomId)?.entries ?? []).slice(0, LOG_PAGE).map(toEntry);
  }

  protected async load(): Promise<void> {
    for await (const record of this.entries
      .find()
      .lean<ModerationEntryRecord>()
      .cursor({ batchSize: 5_000 })) {
      const log = this.logOf(record.roomId);
      log.ids.add(record._id.toHexString());
      log.entries.push(record);
    }
    for (const log of this.rooms.values()) log.entries.sort(newestFirst);
  }

  /** Another instance applied `event`: its entries, if any, are stored under ids derived from it. */
  private async readEntriesOf(event: LoggedRoomEvent): Promise<void> {
    for (let index = 0; ; index++) {
      const record = await this.entries
        .findById(entryId(event.roomId, event.seq, index))
        .lean<ModerationEntryRecord>()
        .exec();
      if (!record) return;
      this.add(record);
    }
  }

  private add(record: ModerationEntryRecord): void {
    const log = this.logOf(record.roomId);
    const id = record._id.toHexString();
    if (log.ids.has(id)) return;
    log.ids.add(id);
    // New entries belong near the top; walk down from there.
    let at = 0;
    while (at < log.entries.length && newestFirst(log.entries[at], record) < 0) at += 1;
    log.entries.splice(at, 0, record);
  }

  private logOf(roomId: string): RoomLog {
    let log = this.rooms.get(roomId);
    if (!log) {
      log = { entries: [], ids: new Set() };
      this.rooms.set(roomId, log);
    }
    return log;
  }
}
