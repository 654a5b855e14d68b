import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RealtimeModule } from '@helix/api/realtime';
import { PersonalData } from '@helix/api/core';
import { ForumParts, ForumsModule } from '@helix/api/forums';
import { ModerationController } from './moderation.controller';
import { ModerationLogService } from './moderation-log.service';
import { ProjectorTargets } from './projector-targets';
import { RoomSettingsService } from './room-settings.service';
import { ModerationEntryRecord, ModerationEntrySchema } from './schemas/moderation-entry.schema';
import { RoomSettingsRecord, RoomSettingsSchema } from './schemas/room-settings.schema';

/** Room settings and the moderation log: used by every feature a moderator acts in. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: RoomSettingsRecord.name, schema: RoomSettingsSchema },
      { name: ModerationEntryRecord.name, schema: ModerationEntrySchema },
    ]),
    RealtimeModule,
    ForumsModule,
  ],
  controllers: [ModerationController],
  providers: [RoomSettingsService, ModerationLogService, ProjectorTargets],
  exports: [RoomSettingsService, ModerationLogService, ProjectorTargets],
})
export class ModerationModule implements OnModuleInit {
  constructor(
    private readonly parts: ForumParts,
    private readonly settings: RoomSettingsService,
    private readonly personalData: PersonalData,
    private readonly log: ModerationLogService,
  ) {}

  /** An agenda session that runs the room's Q&A opens it at its start and closes it at its end. */
  onModuleInit(): void {
    this.personalData.register({ exportOf: (userId) => ({ moderationActions: this.log.doneBy(userId) }) });
    this.parts.register({
      sessionStarted: async (session, by) => {
        if (session.opensQa) await this.settings.update(by, session.roomId, { qaOpen: true });
      },
      sessionEnded: async (session, by) => {
        if (session.opensQa) await this.settings.update(by, session.roomId, { qaOpen: false });
      },
      // A room without settings has none stored; reading its `_id` finds nothing, which the export skips.
      documents: (forum) => ({ room_settings: [...forum.roomIds] }),
      imported: async (documents) => {
        for (const roomId of documents['room_settings'] ?? []) await this.settings.reload(String(roomId));
      },
    });
  }
}
