import {
  authResponseSchema,
  badgeSignInRequestSchema,
  rosterEntrySchema,
  rosterImportQuerySchema,
  rosterImportRequestSchema,
  rosterImportResultSchema,
} from '@helix/contract';
import { createZodDto } from 'nestjs-zod';

export class RosterImportDto extends createZodDto(rosterImportRequestSchema) {}
export class RosterImportQueryDto extends createZodDto(rosterImportQuerySchema) {}
export class RosterImportResultDto extends createZodDto(rosterImportResultSchema) {}
export class RosterEntryDto extends createZodDto(rosterEntrySchema) {}
export class BadgeSignInDto extends createZodDto(badgeSignInRequestSchema) {}
export class BadgeSignInResponseDto extends createZodDto(authResponseSchema) {}
