import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from './auth';
import {
  idSchema,
  isoDateSchema,
  roleSchema,
  stakeholderGroupSchema,
  textField,
  clientIdSchema,
} from './common';

const emailField = z
  .string()
  .max(254)
  .transform((email) => email.trim().toLowerCase());

/** Asking for a password reset or a sign-in link: always 202, whether or not the email has an account. */
export const emailLinkRequestSchema = z.strictObject({ email: emailField });
export type EmailLinkRequest = z.input<typeof emailLinkRequestSchema>;

/** The token an e-mailed link carries (its `token` query parameter). */
export const linkTokenSchema = z.string().min(20).max(200);

export const passwordResetConfirmSchema = z.strictObject({
  token: linkTokenSchema,
  password: z.string().min(PASSWORD_MIN_LENGTH).max(200),
});
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirmSchema>;

export const signInLinkConfirmSchema = z.strictObject({ token: linkTokenSchema });
export type SignInLinkConfirm = z.infer<typeof signInLinkConfirmSchema>;

/** A message that was not sent because no SMTP_URL is set: admins read it in the browser. */
export const outboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** The people directory's search: every part optional, all given parts must match. */
export const peopleQuerySchema = z.strictObject({
  /** Words of the name, the organization or the e-mail, in any case. */
  q: z.string().max(100).optional(),
  organization: z.string().max(120).optional(),
  group: stakeholderGroupSchema.optional(),
  role: roleSchema.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type PeopleQuery = z.input<typeof peopleQuerySchema>;
export type PeopleSearch = z.output<typeof peopleQuerySchema>;

export const personSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  organization: z.string(),
  stakeholderGroup: stakeholderGroupSchema,
  roles: z.array(roleSchema),
  moderatedRoomIds: z.array(idSchema),
  createdAt: isoDateSchema,
  /** A deleted account, kept so what they wrote stays attributed. */
  former: z.literal(true).optional(),
});
export type Person = z.infer<typeof personSchema>;

export const peoplePageSchema = z.object({ items: z.array(personSchema), total: z.number().int() });
export type PeoplePage = z.infer<typeof peoplePageSchema>;

export const roleChangeSchema = z.object({
  id: z.string(),
  at: isoDateSchema,
  by: z.object({ id: idSchema, displayName: z.string() }),
  from: z.array(roleSchema),
  to: z.array(roleSchema),
  /** The rooms moderated before and after (moderator of rooms). */
  fromRoomIds: z.array(idSchema),
  toRoomIds: z.array(idSchema),
  /** Set when accepting an invitation made the change: its id. */
  invitationId: z.string().nullable(),
});
export type RoleChange = z.infer<typeof roleChangeSchema>;

export const personSessionSchema = z.object({ id: z.string(), createdAt: isoDateSchema });
export type PersonSession = z.infer<typeof personSessionSchema>;

/** What a person corrects about themselves; the stakeholder group is not here: it decides whose consensus counts. */
export const updateProfileSchema = z
  .strictObject({
    displayName: textField(80).optional(),
    organization: textField(120).optional(),
    language: z.enum(['en', 'ru']).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Send at least one of displayName, organization, language');
export type UpdateProfile = z.input<typeof updateProfileSchema>;

/**
 * Asking to move to another stakeholder group. The group decides whose consensus a vote counts for, so an
 * organizer approves the move; one request waits per person, and a new one replaces it.
 */
export const groupChangeRequestSchema = z.strictObject({
  group: stakeholderGroupSchema,
  reason: z.string().max(500).trim().optional(),
  clientId: clientIdSchema.optional(),
});
export type GroupChangeRequest = z.input<typeof groupChangeRequestSchema>;

export const GROUP_CHANGE_STATUSES = ['pending', 'approved', 'declined', 'replaced'] as const;
export type GroupChangeStatus = (typeof GROUP_CHANGE_STATUSES)[number];

export const groupChangeSchema = z.object({
  id: idSchema,
  person: z.object({ id: idSchema, displayName: z.string(), organization: z.string() }),
  from: stakeholderGroupSchema,
  to: stakeholderGroupSchema,
  reason: z.string(),
  status: z.enum(GROUP_CHANGE_STATUSES),
  requestedAt: isoDateSchema,
  decidedAt: isoDateSchema.nullable(),
  decidedBy: z.object({ id: idSchema, displayName: z.string() }).nullable(),
});
export type GroupChange = z.infer<typeof groupChangeSchema>;

/** One's own requests: the waiting one (if any) and every earlier one, newest first. */
export const ownGroupChangesSchema = z.object({
  pending: groupChangeSchema.nullable(),
  history: z.array(groupChangeSchema),
});
export type OwnGroupChanges = z.infer<typeof ownGroupChangesSchema>;
