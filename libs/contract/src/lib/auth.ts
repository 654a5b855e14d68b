import { z } from 'zod';
import { idSchema, isoDateSchema, roleSchema, stakeholderGroupSchema, textField } from './common';

export const PASSWORD_MIN_LENGTH = 10;

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  organization: z.string(),
  stakeholderGroup: stakeholderGroupSchema,
  roles: z.array(roleSchema),
  /** Rooms the person moderates without being a moderator forum-wide. */
  moderatedRoomIds: z.array(idSchema),
});
export type User = z.infer<typeof userSchema>;

/** What others see of a person: never the email. */
export const publicUserSchema = userSchema
  .pick({
    id: true,
    displayName: true,
    organization: true,
    stakeholderGroup: true,
  })
  .extend({
    /** The person deleted their account: clients name them "Former participant" in the reader's language. */
    former: z.literal(true).optional(),
  });
export type PublicUser = z.infer<typeof publicUserSchema>;

/** The e-mail an account is created with (registering, a roster import), kept in lower case. */
export const accountEmailSchema = z
  .email()
  .max(254)
  // RFC 5321 limits that `format: email` implies and zod's pattern does not check.
  .refine((email) => {
    const [local = '', domain = ''] = email.split('@');
    return local.length <= 64 && domain.split('.').every((label) => label.length <= 63);
  }, 'Invalid email address')
  .transform((email) => email.toLowerCase());

export const registerRequestSchema = z.strictObject({
  email: accountEmailSchema,
  password: z.string().min(PASSWORD_MIN_LENGTH).max(200),
  displayName: textField(80),
  organization: textField(120),
  stakeholderGroup: stakeholderGroupSchema,
});
export type RegisterRequest = z.input<typeof registerRequestSchema>;

export const loginRequestSchema = z.strictObject({
  email: z
    .string()
    .max(254)
    .transform((email) => email.trim().toLowerCase()),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const refreshRequestSchema = z.strictObject({
  refreshToken: z.string().min(1).max(200),
});
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
});
export type TokenPair = z.infer<typeof tokenPairSchema>;

export const authResponseSchema = tokenPairSchema.extend({ user: userSchema });
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const setRolesRequestSchema = z.strictObject({
  roles: z.array(roleSchema).max(3),
  /** The rooms to moderate (moderator of rooms, not forum-wide); left out: as they are. */
  moderatedRoomIds: z.array(idSchema).max(100).optional(),
});
export type SetRolesRequest = z.infer<typeof setRolesRequestSchema>;

/** Deleting one's own account: a password account confirms with its password. */
export const deleteAccountRequestSchema = z.strictObject({
  password: z.string().min(1).max(200),
});
export type DeleteAccountRequest = z.infer<typeof deleteAccountRequestSchema>;

/** The name a deleted account's words are kept under; clients show their own language's (`former`). */
export const FORMER_PARTICIPANT_NAME = 'Former participant';

/**
 * Everything Helix keeps about one person (`GET /api/auth/me/export`): the account without its password
 * hash, then each feature's records of what they did, by section name.
 */
export const personalDataExportSchema = z.object({
  exportedAt: isoDateSchema,
  account: userSchema.extend({ language: z.enum(['en', 'ru']).nullable(), createdAt: isoDateSchema }),
  sessions: z.array(
    z.object({ id: z.string(), createdAt: isoDateSchema, endedAt: isoDateSchema.nullable() }),
  ),
  sections: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;

type Moderating = { roles: readonly string[]; moderatedRoomIds?: readonly string[] };

/** A moderator forum-wide: every room, and what belongs to no room (initiatives, consensus rules). */
export const isModerator = (user: Pick<Moderating, 'roles'> | null | undefined): boolean =>
  !!user && (user.roles.includes('moderator') || user.roles.includes('admin'));

/**
 * The one answer to "may this person moderate in this room", for the API and the web client alike:
 * forum-wide moderators and admins everywhere, a room moderator in the rooms named on their account.
 */
export const mayModerateRoom = (user: Moderating | null | undefined, roomId: string): boolean =>
  isModerator(user) || !!user?.moderatedRoomIds?.includes(roomId);
