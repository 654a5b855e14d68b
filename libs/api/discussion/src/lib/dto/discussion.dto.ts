import {
  createThreadRequestSchema,
  hideMessageRequestSchema,
  listMessagesQuerySchema,
  messagePageSchema,
  messageSchema,
  postMessageRequestSchema,
  threadSchema,
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
