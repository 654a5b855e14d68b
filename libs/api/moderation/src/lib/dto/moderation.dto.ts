import { moderationEntrySchema, roomSettingsSchema, updateRoomSettingsRequestSchema } from '@helix/contract';
import { createZodDto } from 'nestjs-zod';

export class RoomSettingsDto extends createZodDto(roomSettingsSchema) {}
export class UpdateRoomSettingsDto extends createZodDto(updateRoomSettingsRequestSchema) {}
export class ModerationEntryDto extends createZodDto(moderationEntrySchema) {}
