import {
  amendmentSchema,
  answerAmendmentRequestSchema,
  consensusRuleSettingsSchema,
  createAmendmentRequestSchema,
  createPledgeRequestSchema,
  pledgeProgressRequestSchema,
  pledgeSchema,
  createInitiativeRequestSchema,
  initiativeSchema,
  initiativeVoteRequestSchema,
  listInitiativesQuerySchema,
  openVotingRequestSchema,
  updateConsensusRuleRequestSchema,
  updateInitiativeRequestSchema,
  idSchema,
  voteHistoryEntrySchema,
} from '@helix/contract';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class CreateInitiativeDto extends createZodDto(createInitiativeRequestSchema) {}
export class UpdateInitiativeDto extends createZodDto(updateInitiativeRequestSchema) {}
export class OpenVotingDto extends createZodDto(openVotingRequestSchema) {}
export class InitiativeVoteDto extends createZodDto(initiativeVoteRequestSchema) {}
export class ListInitiativesQueryDto extends createZodDto(listInitiativesQuerySchema) {}
export class InitiativeDto extends createZodDto(initiativeSchema) {}
export class VoteHistoryEntryDto extends createZodDto(voteHistoryEntrySchema) {}
export class ConsensusRuleSettingsDto extends createZodDto(consensusRuleSettingsSchema) {}
export class UpdateConsensusRuleDto extends createZodDto(updateConsensusRuleRequestSchema) {}

export class CreateAmendmentDto extends createZodDto(createAmendmentRequestSchema) {}
export class AnswerAmendmentDto extends createZodDto(answerAmendmentRequestSchema) {}
export class AmendmentDto extends createZodDto(amendmentSchema) {}

export class CreatePledgeDto extends createZodDto(createPledgeRequestSchema) {}
export class PledgeProgressDto extends createZodDto(pledgeProgressRequestSchema) {}
export class PledgeDto extends createZodDto(pledgeSchema) {}

export class ForumQueryDto extends createZodDto(z.strictObject({ forumId: idSchema.optional() })) {}
