export { ModerationModule } from './lib/moderation.module';
export { ModerationLogService, type ModerationRecordInput } from './lib/moderation-log.service';
export { ProjectorTargets, type ProjectorTargetCheck } from './lib/projector-targets';
export { RoomSettingsService } from './lib/room-settings.service';
