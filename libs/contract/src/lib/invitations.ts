import { z } from 'zod';
import { idSchema, isoDateSchema, clientIdSchema } from './common';
import { linkTokenSchema } from './people';

/** What accepting an invitation grants: a place in the forum, moderation of some of its rooms, or organizing it. */
export const INVITATION_ROLES = ['participant', 'moderator', 'organizer'] as const;
export const invitationRoleSchema = z.enum(INVITATION_ROLES);
export type InvitationRole = z.infer<typeof invitationRoleSchema>;

export const INVITATION_STATUSES = ['active', 'expired', 'revoked', 'used_up'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** The longest an invitation may stay valid. */
export const INVITATION_MAX_DAYS = 90;
export const INVITATION_MAX_USES = 1000;

export const createInvitationSchema = z
  .strictObject({
    role: invitationRoleSchema,
    /** The rooms a moderator invitation lets its person moderate (at least one); empty for the other roles. */
    roomIds: z.array(idSchema).max(100).default([]),
    expiresAt: isoDateSchema,
    maxUses: z.number().int().min(1).max(INVITATION_MAX_USES),
    /** Someone to send the link to, in `language` (else the organizer's). */
    email: z
      .email()
      .max(254)
      .transform((email) => email.trim().toLowerCase())
      .optional(),
    language: z.enum(['en', 'ru']).optional(),
    clientId: clientIdSchema.optional(),
  })
  .superRefine((body, context) => {
    if (body.role === 'moderator' && body.roomIds.length === 0)
      context.addIssue({
        code: 'custom',
        path: ['roomIds'],
        message: 'Name the rooms a moderator moderates',
      });
    if (body.role !== 'moderator' && body.roomIds.length > 0)
      context.addIssue({
        code: 'custom',
        path: ['roomIds'],
        message: 'Only a moderator invitation names rooms',
      });
    const expiresAt = Date.parse(body.expiresAt);
    if (expiresAt <= Date.now())
      context.addIssue({ code: 'custom', path: ['expiresAt'], message: 'The expiry must be in the future' });
    if (expiresAt > Date.now() + INVITATION_MAX_DAYS * 24 * 3_600_000)
      context.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        message: `An invitation is valid for at most ${INVITATION_MAX_DAYS} days`,
      });
  });
export type CreateInvitationRequest = z.input<typeof createInvitationSchema>;
export type CreateInvitation = z.output<typeof createInvitationSchema>;

const personRefSchema = z.object({ id: idSchema, displayName: z.string() });

export const invitationUseSchema = z.object({ person: personRefSchema, at: isoDateSchema });
export type InvitationUse = z.infer<typeof invitationUseSchema>;

/** An invitation as its forum's organizers see it, with the link to share and who used it. */
export const invitationSchema = z.object({
  id: idSchema,
  forumId: idSchema,
  role: invitationRoleSchema,
  roomIds: z.array(idSchema),
  expiresAt: isoDateSchema,
  maxUses: z.number().int(),
  email: z.string().nullable(),
  status: z.enum(INVITATION_STATUSES),
  /** The page that accepts it; whoever has it can use it, so share it as you would a key. */
  link: z.string(),
  createdAt: isoDateSchema,
  createdBy: personRefSchema,
  revokedAt: isoDateSchema.nullable(),
  uses: z.array(invitationUseSchema),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** The token an invitation link carries (the last part of `/invite/:token`). */
export const invitationTokenSchema = z.strictObject({ token: linkTokenSchema });
export type InvitationToken = z.infer<typeof invitationTokenSchema>;

/** What the invitation page shows before anyone signs in: never who made it or who used it. */
export const invitationPreviewSchema = z.object({
  forum: z.object({ id: idSchema, slug: z.string(), title: z.string() }),
  role: invitationRoleSchema,
  rooms: z.array(z.object({ id: idSchema, title: z.string() })),
  expiresAt: isoDateSchema,
  status: z.enum(INVITATION_STATUSES),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const invitationAcceptanceSchema = z.object({
  invitation: invitationPreviewSchema,
  /** False when this person had accepted it already: nothing was granted again, no use counted. */
  granted: z.boolean(),
});
export type InvitationAcceptance = z.infer<typeof invitationAcceptanceSchema>;
