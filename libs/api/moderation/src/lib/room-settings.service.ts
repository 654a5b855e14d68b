import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AuthenticatedUser } from '@helix/api/core';
import { RoomEventLog } from '@helix/api/realtime';
import { RoomsService } from '@helix/api/rooms';
import type { RoomSettings, UpdateRoomSettingsRequest } from '@helix/contract';
import type { Model } from 'mongoose';
import { ModerationLogService } from './moderation-log.service';
import { RoomSettingsRecord } from './schemas/room-settings.schema';

const defaults = (roomId: string): RoomSettingsRecord => ({
  roomId,
  qaReview: false,
  projectorKind: 'nothing',
  projectorTargetId: null,
  updatedAt: new Date(0),
});

const toSettings = (record: RoomSettingsRecord): RoomSettings => ({
  roomId: record.roomId,
  qaReview: record.qaReview,
  projector: { kind: record.projectorKind, targetId: record.projectorTargetId ?? null },
  updatedAt: record.updatedAt.toISOString(),
});

/** What moderators set per room: Q&A review and what the room's projector shows. */
@Injectable()
export class RoomSettingsService {
  constructor(
    @InjectModel(RoomSettingsRecord.name) private readonly settings: Model<RoomSettingsRecord>,
    private readonly rooms: RoomsService,
    private readonly log: RoomEventLog,
    private readonly moderationLog: ModerationLogService,
  ) {}

  async get(roomId: string): Promise<RoomSettings> {
    await this.rooms.get(roomId);
    return toSettings(await this.current(roomId));
  }

  /**
   * Changed inside the room's queue, so two moderators' clicks apply one after the other and the
   * `settings.updated` events carry the states in the order they were stored.
   */
  async update(
    moderator: AuthenticatedUser,
    roomId: string,
    changes: UpdateRoomSettingsRequest,
  ): Promise<RoomSettings> {
    await this.rooms.get(roomId);
    let updated: RoomSettings | undefined;
    await this.log.appendWith(roomId, async () => {
      const record: RoomSettingsRecord = { ...(await this.current(roomId)), updatedAt: new Date() };
      if (changes.qaReview !== undefined) record.qaReview = changes.qaReview;
      if (changes.projector) {
        record.projectorKind = changes.projector.kind;
        record.projectorTargetId = changes.projector.targetId ?? null;
      }
      await this.settings.updateOne({ roomId }, { $set: record }, { upsert: true }).exec();
      updated = toSettings(record);
      return {
        roomId,
        type: 'settings.updated',
        actorId: moderator.id,
        subjectId: roomId,
        payload: updated,
      };
    });
    await this.recordChanges(moderator, roomId, changes);
    return updated as RoomSettings;
  }

  private async recordChanges(
    moderator: AuthenticatedUser,
    roomId: string,
    changes: UpdateRoomSettingsRequest,
  ): Promise<void> {
    if (changes.qaReview !== undefined) {
      const action = changes.qaReview ? 'settings.qa_review_on' : 'settings.qa_review_off';
      await this.moderationLog.record(moderator, { roomId, action });
    }
    if (changes.projector) {
      await this.moderationLog.record(moderator, {
        roomId,
        action: 'settings.projector',
        subjectId: changes.projector.targetId ?? null,
        detail: changes.projector.kind,
      });
    }
  }

  private async current(roomId: string): Promise<RoomSettingsRecord> {
    const stored = await this.settings.findOne({ roomId }).lean<RoomSettingsRecord>().exec();
    return stored ?? defaults(roomId);
  }
}
