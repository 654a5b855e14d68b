import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { toPublicUser, type AuthenticatedUser } from '@helix/api/core';
import { RoomsService } from '@helix/api/rooms';
import type { ModerationAction, ModerationEntry } from '@helix/contract';
import { Types, type Model } from 'mongoose';
import { ModerationEntryRecord } from './schemas/moderation-entry.schema';

export interface ModerationRecordInput {
  roomId: string;
  action: ModerationAction;
  subjectId?: string | null;
  reason?: string | null;
  detail?: string | null;
}

/** Entries a moderator reads at once; older ones stay stored. */
const LOG_PAGE = 200;

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

@Injectable()
export class ModerationLogService {
  constructor(
    @InjectModel(ModerationEntryRecord.name) private readonly entries: Model<ModerationEntryRecord>,
    private readonly rooms: RoomsService,
  ) {}

  async record(moderator: AuthenticatedUser, input: ModerationRecordInput): Promise<ModerationEntry> {
    const record: ModerationEntryRecord = {
      _id: new Types.ObjectId(),
      roomId: input.roomId,
      action: input.action,
      moderator: toPublicUser(moderator),
      subjectId: input.subjectId ?? null,
      reason: input.reason ?? null,
      detail: input.detail ?? null,
      at: new Date(),
    };
    await this.entries.create(record);
    return toEntry(record);
  }

  /** The room's newest entries first (by id within one millisecond: ids rise in the order of recording). */
  async list(roomId: string): Promise<ModerationEntry[]> {
    await this.rooms.get(roomId);
    const records = await this.entries
      .find({ roomId })
      .sort({ at: -1, _id: -1 })
      .limit(LOG_PAGE)
      .lean<ModerationEntryRecord[]>()
      .exec();
    return records.map(toEntry);
  }
}
