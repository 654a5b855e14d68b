import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel, requireRoomModeration, type AuthenticatedUser } from '@helix/api/core';
import { RoomEventLog, RoomSubjects } from '@helix/api/realtime';
import { RoomsService } from '@helix/api/forums';
import type { RoomSettings, UpdateRoomSettingsRequest } from '@helix/contract';
import type { Model } from 'mongoose';
import { ModerationLogService, type ModerationRecordInput } from './moderation-log.service';
import { ProjectorTargets } from './projector-targets';
import { RoomSettingsRecord } from './schemas/room-settings.schema';

const defaults = (roomId: string): RoomSettingsRecord => ({
  _id: roomId,
  qaReview: false,
  qaOpen: true,
  projectorKind: 'nothing',
  projectorTargetId: null,
  updatedAt: new Date(0),
});

/** One moderation log entry per setting that really changed. */
function changedActions(before: RoomSettingsRecord, after: RoomSettingsRecord): ModerationRecordInput[] {
  const actions: ModerationRecordInput[] = [];
  if (after.qaReview !== before.qaReview) {
    actions.push({ action: after.qaReview ? 'settings.qa_review_on' : 'settings.qa_review_off' });
  }
  if (after.qaOpen !== before.qaOpen) {
    actions.push({ action: after.qaOpen ? 'settings.qa_opened' : 'settings.qa_closed' });
  }
  if (after.projectorKind !== before.projectorKind || after.projectorTargetId !== before.projectorTargetId) {
    actions.push({
      action: 'settings.projector',
      subjectId: after.projectorTargetId,
      detail: after.projectorKind,
    });
  }
  return actions;
}

const toSettings = (record: RoomSettingsRecord): RoomSettings => ({
  roomId: record._id,
  qaReview: record.qaReview,
  qaOpen: record.qaOpen,
  projector: { kind: record.projectorKind, targetId: record.projectorTargetId ?? null },
  updatedAt: record.updatedAt.toISOString(),
});

/** What moderators set per room: Q&A review and what the room's projector shows. */
@Injectable()
export class RoomSettingsService extends ReadModel {
  private readonly rooms = new Map<string, RoomSettingsRecord>();

  constructor(
    @InjectModel(RoomSettingsRecord.name) private readonly settings: Model<RoomSettingsRecord>,
    private readonly roomsService: RoomsService,
    private readonly log: RoomEventLog,
    private readonly moderationLog: ModerationLogService,
    private readonly targets: ProjectorTargets,
    subjects: RoomSubjects,
  ) {
    super();
    subjects.register(['settings.updated'], {
      reload: (roomId) => this.reload(roomId),
      view: (_type, roomId) => toSettings(this.current(roomId)),
    });
  }

  /** Reads the room's settings again by `_id` (another instance changed them, or an import brought them). */
  async reload(roomId: string): Promise<void> {
    const stored = await this.settings.findById(roomId).lean<RoomSettingsRecord>().exec();
    if (stored) this.rooms.set(roomId, { ...defaults(roomId), ...stored });
  }

  async get(roomId: string): Promise<RoomSettings> {
    await this.roomsService.get(roomId);
    return toSettings(this.current(roomId));
  }

  /**
   * Decided in the room's queue, so two moderators' clicks apply one after the other and the
   * `settings.updated` events carry the states in the order they were stored. A change that leaves the
   * settings as they were stores, sends and logs nothing.
   */
  async update(
    moderator: AuthenticatedUser,
    roomId: string,
    changes: UpdateRoomSettingsRequest,
  ): Promise<RoomSettings> {
    await this.roomsService.get(roomId);
    requireRoomModeration(moderator, roomId);
    // Outside the queue: a poll or initiative only moves forward, so one fit to show stays fit.
    if (changes.projector) await this.targets.check(roomId, changes.projector);
    return this.log.record(roomId, () => {
      const current = this.current(roomId);
      const next: RoomSettingsRecord = {
        _id: roomId,
        qaReview: changes.qaReview ?? current.qaReview,
        qaOpen: changes.qaOpen ?? current.qaOpen,
        projectorKind: changes.projector?.kind ?? current.projectorKind,
        projectorTargetId: changes.projector
          ? (changes.projector.targetId ?? null)
          : current.projectorTargetId,
        updatedAt: new Date(),
      };
      const actions = changedActions(current, next);
      return {
        event: actions.length ? { type: 'settings.updated', subjectId: roomId, actorId: moderator.id } : null,
        commit: async (seq) => {
          await this.settings.replaceOne({ _id: roomId }, next, { upsert: true }).exec();
          this.rooms.set(roomId, next);
          await this.moderationLog.record(moderator, roomId, seq, actions);
        },
        result: () => toSettings(this.current(roomId)),
      };
    });
  }

  /** The room's settings now (the defaults until a moderator changes one). */
  current(roomId: string): RoomSettingsRecord {
    return this.rooms.get(roomId) ?? defaults(roomId);
  }

  protected async load(): Promise<void> {
    for (const record of await this.settings.find().lean<RoomSettingsRecord[]>().exec()) {
      this.rooms.set(record._id, { ...defaults(record._id), ...record });
    }
  }
}
