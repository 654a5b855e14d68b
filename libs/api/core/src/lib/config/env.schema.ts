import { z } from 'zod';
import { keptJwtSecret } from './kept-jwt-secret';

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must be a mongodb:// or mongodb+srv:// connection string')
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
      .optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ADMIN_EMAILS: commaList.pipe(z.array(z.email().transform((email) => email.toLowerCase()))),
    CORS_ORIGINS: commaList.pipe(z.array(z.url())),
    /** Where people reach Helix, e.g. https://forum.example: an https one means Helix is served over HTTPS. */
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    /** Where e-mail goes out, e.g. smtp://user:pass@mail.example:587; unset: messages wait in the admins' outbox. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
      .optional(),
    /** The sender of Helix's e-mail. */
    MAIL_FROM: z.string().min(3).default('Helix <no-reply@helix.local>'),
    HELIX_DATA_DIR: z.string().min(1).default('.data'),
    HELIX_TOOLS_DIR: z.string().min(1).default('.tools'),
    HELIX_DB_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,60}$/)
      .default('helix'),
    HELIX_WEB_DIR: z.string().min(1).default('dist/apps/web'),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
    /** `fast` lowers the scrypt cost so tests can register hundreds of users; refused in production. */
    /** Socket messages, edits, deletions, reactions and votes a person may send at once, then per second. */
    SOCKET_SEND_LIMIT: z
      .string()
      .regex(/^\d+:\d+(\.\d+)?$/, 'must look like 20:2 (burst:perSecond)')
      .default('20:2')
      .transform((value) => {
        const [burst, perSecond] = value.split(':').map(Number);
        return { burst, perSecond };
      }),
    /** The loose per-IP bound on REST requests (a venue's NAT carries a whole hall). */
    RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
    /** REST requests per signed-in person (or per email while signing in). */
    RATE_LIMIT_PERSON_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** REST writes (POST, PUT, PATCH, DELETE) per person to one route within 10 s. */
    RATE_LIMIT_PERSON_WRITES_PER_10S: z.coerce.number().int().min(1).default(30),
    /**
     * What a person may create per minute, each: threads, questions, initiatives… (CreateRateLimit). Not a
     * moderator's polls nor an organizer's rooms and sessions, which are prepared many at a time.
     */
    RATE_LIMIT_CREATE_PER_MINUTE: z.coerce.number().int().min(1).default(5),
    /** Failed sign-ins for one email from one address before each further try must wait 1, 2, 4… s. */
    RATE_LIMIT_LOGIN_FAILURES_BEFORE_DELAY: z.coerce.number().int().min(1).default(5),
    /** Failed sign-ins for one email from all addresses within an hour, against distributed guessing. */
    RATE_LIMIT_LOGIN_FAILURES_PER_HOUR: z.coerce.number().int().min(1).default(100),
    /** Express `trust proxy`: which proxies may set X-Forwarded-For (the client IP for rate limits). */
    TRUST_PROXY: z.string().min(1).default('loopback'),
    /** How often due initiative votes are looked for and closed. */
    INITIATIVE_SWEEP_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    /** How often agenda sessions due to start or end are looked for. */
    AGENDA_TICK_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    PASSWORD_HASH_COST: z.enum(['standard', 'fast']).default('standard'),
    /** pino's level (the in-process test apps set `warn`). */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Turns `GET /metrics` on; Prometheus sends it as `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: z.preprocess(
      // Compose passes an unset variable on as an empty one.
      (value) => (value === '' ? undefined : value),
      z.string().min(16, 'must be at least 16 characters').optional(),
    ),
    /** A backup into HELIX_DATA_DIR/backups every so many hours; 0 turns scheduled backups off. */
    BACKUP_EVERY_HOURS: z.coerce.number().min(0).max(168).default(0),
    /** How many scheduled backups are kept; older ones are deleted. */
    BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(24),
  })
  .superRefine((env, ctx) => {
    // A secret kept in the data folder is one instance's own; instances behind one proxy must share one.
    if (env.REDIS_URL && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required with REDIS_URL' });
    }
    if (env.NODE_ENV === 'production' && env.PASSWORD_HASH_COST === 'fast') {
      ctx.addIssue({ code: 'custom', path: ['PASSWORD_HASH_COST'], message: 'cannot be fast in production' });
    }
  });

export const CONFIG_NAMESPACE = 'helix';

export type Env = z.output<typeof envSchema> & {
  JWT_SECRET: string;
  /** The file in HELIX_DATA_DIR that keeps the secret when JWT_SECRET is not set. */
  jwtSecretFile: string | undefined;
};

export class InvalidConfigError extends Error {
  override readonly name = 'InvalidConfigError';
}

/**
 * Validates the process environment once at startup; a bad value stops startup naming the variable. Without
 * JWT_SECRET, the secret kept in the data folder is read (and made on the first start).
 */
export function parseEnv(raw: Record<string, unknown>): Env {
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
    );
    throw new InvalidConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const env = result.data;
  if (env.JWT_SECRET) return { ...env, JWT_SECRET: env.JWT_SECRET, jwtSecretFile: undefined };
  try {
    const kept = keptJwtSecret(env.HELIX_DATA_DIR);
    return { ...env, JWT_SECRET: kept.secret, jwtSecretFile: kept.file };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidConfigError(`JWT_SECRET is not set, and HELIX_DATA_DIR cannot keep one: ${reason}`, {
      cause: error,
    });
  }
}
