import {
  createPollRequestSchema,
  openPollRequestSchema,
  pollSchema,
  updatePollRequestSchema,
  ballotRequestSchema,
  hideWordRequestSchema,
} from '@helix/contract';
import { createZodDto } from 'nestjs-zod';

export class CreatePollDto extends createZodDto(createPollRequestSchema) {}
export class OpenPollDto extends createZodDto(openPollRequestSchema) {}
export class UpdatePollDto extends createZodDto(updatePollRequestSchema) {}
export class VoteDto extends createZodDto(ballotRequestSchema) {}
export class HideWordDto extends createZodDto(hideWordRequestSchema) {}
export class PollDto extends createZodDto(pollSchema) {}
