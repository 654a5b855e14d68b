import {
  castStatementVoteRequestSchema,
  moderateStatementRequestSchema,
  nextStatementSchema,
  statementResultsSchema,
  statementSchema,
  submitStatementRequestSchema,
} from '@helix/contract';
import { createZodDto } from 'nestjs-zod';

export class SubmitStatementDto extends createZodDto(submitStatementRequestSchema) {}
export class ModerateStatementDto extends createZodDto(moderateStatementRequestSchema) {}
export class CastStatementVoteDto extends createZodDto(castStatementVoteRequestSchema) {}
export class StatementDto extends createZodDto(statementSchema) {}
export class NextStatementDto extends createZodDto(nextStatementSchema) {}
export class StatementResultsDto extends createZodDto(statementResultsSchema) {}
