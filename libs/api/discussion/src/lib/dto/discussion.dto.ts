import {
  createThreadRequestSchema,
  hideMessageRequestSchema,
  listMentionsQuerySchema,
  listMessagesQuerySchema,
  markReadRequestSchema,
  mentionableQuerySchema,
  mentionableSchema,
  mentionPageSchema,
  messagePageSchema,
  messageSchema,
  postMessageRequestSchema,
  roomUnreadSchema,
  threadSchema,
  unreadSummarySchema,
  updateThreadRequestSchema,
} from '@helix/contract';
import { createZodDto } from 'nestjs-zod';

export class ThreadDto extends createZodDto(threadSchema) {}
export class CreateThreadDto extends createZodDto(createThreadRequestSchema) {}
export class UpdateThreadDto extends createZodDto(updateThreadRequestSchema) {}
export class MessageDto extends createZodDto(messageSchema) {}
export class MessagePageDto extends createZodDto(messagePageSchema) {}
export class PostMessageDto extends createZodDto(postMessageRequestSchema) {}
export class ListMessagesQueryDto extends createZodDto(listMessagesQuerySchema) {}
export class HideMessageDto extends createZodDto(hideMessageRequestSchema) {}

export class ListMentionsQueryDto extends createZodDto(listMentionsQuerySchema) {}
export class MentionPageDto extends createZodDto(mentionPageSchema) {}
export class UnreadSummaryDto extends createZodDto(unreadSummarySchema) {}
export class RoomUnreadDto extends createZodDto(roomUnreadSchema) {}
export class MarkReadDto extends createZodDto(markReadRequestSchema) {}
export class MentionableQueryDto extends createZodDto(mentionableQuerySchema) {}
export class MentionableDto extends createZodDto(mentionableSchema) {}
