import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from './auth';

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
