import { z } from 'zod';
import { accountEmailSchema } from './auth';
import { idSchema, isoDateSchema, stakeholderGroupSchema, textField, clientIdSchema } from './common';

export const ROSTER_FORMATS = ['csv', 'xlsx'] as const;

/**
 * A registration list to import into a forum: the file's text (CSV) or its bytes in base64 (XLSX), inside
 * the API's JSON body limit (100 KB: about a thousand people). The import is keyed by e-mail, so sending
 * the same file again (a double click, a retry) changes nothing; `clientId` is accepted like every create's.
 */
export const rosterImportRequestSchema = z.strictObject({
  format: z.enum(ROSTER_FORMATS),
  content: z.string().min(1).max(100_000),
  clientId: clientIdSchema.optional(),
});
export type RosterImportRequest = z.infer<typeof rosterImportRequestSchema>;

export const rosterImportQuerySchema = z.strictObject({
  /** Only check the file: answer what an import would do, store nothing. */
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

/** One person of a registration list, as each line must be; a line that is not is reported, not imported. */
export const rosterPersonSchema = z.object({
  name: textField(80),
  email: accountEmailSchema,
  organization: textField(120),
  group: stakeholderGroupSchema,
});
export type RosterPerson = z.infer<typeof rosterPersonSchema>;

/** What an import did (or, with dryRun, would do); a file with any bad line is refused whole (422). */
export const rosterImportResultSchema = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
});
export type RosterImportResult = z.infer<typeof rosterImportResultSchema>;

/** A person of a forum's roster with their badge; `badgeToken` is null while the badge link is revoked. */
export const rosterEntrySchema = z.object({
  id: idSchema,
  userId: idSchema,
  displayName: z.string(),
  email: z.string(),
  organization: z.string(),
  stakeholderGroup: stakeholderGroupSchema,
  badgeToken: z.string().nullable(),
  revokedAt: isoDateSchema.nullable(),
  /** How many devices signed in with the badge link; more than one is worth a look. */
  devices: z.number().int(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const badgeTokenSchema = z.string().min(30).max(120);

/** Opening a badge link: the token and the device's own random id, kept by the device. */
export const badgeSignInRequestSchema = z.strictObject({
  token: badgeTokenSchema,
  deviceId: z.uuid(),
});
export type BadgeSignInRequest = z.infer<typeof badgeSignInRequestSchema>;
