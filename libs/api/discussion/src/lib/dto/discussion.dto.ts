import {
  createThreadRequestSchema,
  hideMessageRequestSchema,
  listMessagesQuerySchema,
  messagePageSchema,
  messageSchema,
  moderationEntrySchema,
  postMessageRequestSchema,
  roomSchema,
  roomSettingsSchema,
  threadSchema,
  updateRoomSettingsRequestSchema,
  updateThreadRequestSchema,
} from '@helix/contract';
import { createZodDto } from 'nestjs-zod';

export class RoomDto extends createZodDto(roomSchema) {}
export class ThreadDto extends createZodDto(threadSchema) {}
export class CreateThreadDto extends createZodDto(createThreadRequestSchema) {}
export class UpdateThreadDto extends createZodDto(updateThreadRequestSchema) {}
export class MessageDto extends createZodDto(messageSchema) {}
export class MessagePageDto extends createZodDto(messagePageSchema) {}
export class PostMessageDto extends createZodDto(postMessageRequestSchema) {}
export class ListMessagesQueryDto extends createZodDto(listMessagesQuerySchema) {}
export class HideMessageDto extends createZodDto(hideMessageRequestSchema) {}
export class RoomSettingsDto extends createZodDto(roomSettingsSchema) {}
export class UpdateRoomSettingsDto extends createZodDto(updateRoomSettingsRequestSchema) {}
export class ModerationEntryDto extends createZodDto(moderationEntrySchema) {}
