import {
  createInvitationSchema,
  invitationAcceptanceSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenSchema,
} from '@helix/contract';
import { createZodDto } from 'nestjs-zod';

export class CreateInvitationDto extends createZodDto(createInvitationSchema) {}
export class InvitationDto extends createZodDto(invitationSchema) {}
export class InvitationTokenDto extends createZodDto(invitationTokenSchema) {}
export class InvitationPreviewDto extends createZodDto(invitationPreviewSchema) {}
export class InvitationAcceptanceDto extends createZodDto(invitationAcceptanceSchema) {}
