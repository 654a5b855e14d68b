export { ModerationModule } from './lib/moderation.module';
export { ModerationLogService, type ModerationRecordInput } from './lib/moderation-log.service';
export { RoomSettingsService } from './lib/room-settings.service';
