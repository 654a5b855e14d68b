import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RealtimeModule } from '@helix/api/realtime';
import { RoomsModule } from '@helix/api/rooms';
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
    RoomsModule,
  ],
  controllers: [ModerationController],
  providers: [RoomSettingsService, ModerationLogService, ProjectorTargets],
  exports: [RoomSettingsService, ModerationLogService, ProjectorTargets],
})
export class ModerationModule {}
