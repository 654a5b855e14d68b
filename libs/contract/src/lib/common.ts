import { z } from 'zod';

export const STAKEHOLDER_GROUPS = ['university', 'business', 'government', 'civil_society'] as const;
export const stakeholderGroupSchema = z.enum(STAKEHOLDER_GROUPS);
export type StakeholderGroup = z.infer<typeof stakeholderGroupSchema>;

export const ROLES = ['participant', 'moderator', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Ids are MongoDB ObjectIds rendered as 24 hex characters. */
export const idSchema = z
  .string()
  .regex(/^[0-9a-f]{24}$/, 'must be a 24-character hexadecimal id')
  .describe('Object id');
export type Id = z.infer<typeof idSchema>;

/** A client's own key for what it creates: sending it again answers the stored one (a double click makes one). */
export const CLIENT_ID_MAX = 64;
export const clientIdSchema = z
  .string()
  .min(1)
  .max(CLIENT_ID_MAX)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

export const isoDateSchema = z.iso.datetime().describe('ISO-8601 UTC time');

/**
 * One character that String.prototype.trim() keeps: the JS whitespace set spelled out, because `\S` means
 * something else in other regex engines (Python's, which OpenAPI tools use, treats U+FEFF as visible).
 */
export const VISIBLE_CHARACTER =
  /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * Plain text that must carry something visible; trimmed before it is stored. The length bound applies to
 * what is sent (so it is the bound OpenAPI shows), the visible-character rule to what is kept.
 */
export const textField = (max: number) => z.string().max(max).trim().min(1).regex(VISIBLE_CHARACTER);

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: ErrorCode;
  /** An uploaded file's bad lines (a roster import), every one of them, when that is why it was refused. */
  lines?: LineError[];
}

/** One bad line of an uploaded file: its number as a spreadsheet shows it (the header is line 1). */
export const lineErrorSchema = z.object({
  line: z.number().int().min(1),
  field: z.string(),
  message: z.string(),
});
export type LineError = z.infer<typeof lineErrorSchema>;

/** Machine-readable reasons, shared by HTTP error bodies and socket acks. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'GONE',
  'TOO_LARGE',
  'UNPROCESSABLE',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GONE: 410,
  TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Error codes a client may retry after waiting; the others will fail again unchanged. */
export const RETRYABLE_ERROR_CODES: readonly ErrorCode[] = ['RATE_LIMITED', 'UNAVAILABLE', 'INTERNAL'];
