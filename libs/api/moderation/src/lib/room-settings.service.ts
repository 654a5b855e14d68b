import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AuthenticatedUser } from '@helix/api/core';
import { RoomEventLog } from '@helix/api/realtime';
import { RoomsService } from '@helix/api/rooms';
import type { RoomSettings, UpdateRoomSettingsRequest } from '@helix/contract';
import type { Model } from 'mongoose';
import { ModerationLogService, type ModerationRecordInput } from './moderation-log.service';
import { ProjectorTargets } from './projector-targets';
import { RoomSettingsRecord } from './schemas/room-settings.schema';

const defaults = (roomId: string): RoomSettingsRecord => ({
  roomId,
  qaReview: false,
  projectorKind: 'nothing',
  projectorTargetId: null,
  updatedAt: new Date(0),
});

/** One moderation log entry per setting that really changed. */
function changedActions(
  roomId: string,
  before: RoomSettingsRecord,
  after: RoomSettingsRecord,
): ModerationRecordInput[] {
  const actions: ModerationRecordInput[] = [];
  if (after.qaReview !== before.qaReview) {
    actions.push({ roomId, action: after.qaReview ? 'settings.qa_review_on' : 'settings.qa_review_off' });
  }
  if (after.projectorKind !== before.projectorKind || after.projectorTargetId !== before.projectorTargetId) {
    actions.push({
      roomId,
      action: 'settings.projector',
      subjectId: after.projectorTargetId,
      detail: after.projectorKind,
    });
  }
  return actions;
}

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
    private readonly targets: ProjectorTargets,
  ) {}

  async get(roomId: string): Promise<RoomSettings> {
    await this.rooms.get(roomId);
    return toSettings(await this.current(roomId));
  }

  /**
   * Changed inside the room's queue, so two moderators' clicks apply one after the other and the
   * `settings.updated` events carry the states in the order they were stored. A change that leaves the
   * settings as they were stores, sends and logs nothing.
   */
  async update(
    moderator: AuthenticatedUser,
    roomId: string,
    changes: UpdateRoomSettingsRequest,
  ): Promise<RoomSettings> {
    await this.rooms.get(roomId);
    // Outside the queue: a poll or initiative only moves forward, so one fit to show stays fit.
    if (changes.projector) await this.targets.check(roomId, changes.projector);
    let updated: RoomSettings | undefined;
    await this.log.appendWith(roomId, async () => {
      const current = await this.current(roomId);
      const next: RoomSettingsRecord = {
        roomId,
        qaReview: changes.qaReview ?? current.qaReview,
        projectorKind: changes.projector?.kind ?? current.projectorKind,
        projectorTargetId: changes.projector
          ? (changes.projector.targetId ?? null)
          : current.projectorTargetId,
        updatedAt: new Date(),
      };
      const actions = changedActions(roomId, current, next);
      if (!actions.length) {
        updated = toSettings(current);
        return null;
      }
      await this.settings.updateOne({ roomId }, { $set: next }, { upsert: true }).exec();
      // In the queue too, so the log lists changes in the order they were made.
      for (const action of actions) await this.moderationLog.record(moderator, action);
      updated = toSettings(next);
      return {
        roomId,
        type: 'settings.updated',
        actorId: moderator.id,
        subjectId: roomId,
        payload: updated,
      };
    });
    if (!updated) throw new NotFoundException('No such room');
    return updated;
  }

  private async current(roomId: string): Promise<RoomSettingsRecord> {
    const stored = await this.settings.findOne({ roomId }, { _id: 0 }).lean<RoomSettingsRecord>().exec();
    return stored ? { ...defaults(roomId), ...stored } : defaults(roomId);
  }
}
