import { z } from 'zod';
import { idSchema, roleSchema, stakeholderGroupSchema, textField } from './common';

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
export const publicUserSchema = userSchema.pick({
  id: true,
  displayName: true,
  organization: true,
  stakeholderGroup: true,
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
