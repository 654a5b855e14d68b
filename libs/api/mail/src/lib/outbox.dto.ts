import { outboxMessageSchema } from '@helix/contract';
import { createZodDto } from 'nestjs-zod';

export class OutboxMessageDto extends createZodDto(outboxMessageSchema) {}
