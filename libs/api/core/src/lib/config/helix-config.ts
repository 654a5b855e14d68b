import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { resolve } from 'node:path';
import { CONFIG_NAMESPACE, type Env } from './env.schema';

/** The one typed view of configuration; nothing else reads process.env. */
@Injectable()
export class HelixConfig {
  private readonly env: Env;

  constructor(config: ConfigService) {
    this.env = config.getOrThrow<Env>(CONFIG_NAMESPACE);
  }

  get<K extends keyof Env>(key: K): Env[K] {
    return this.env[key];
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  /**
   * The configuration for the startup log: secrets left out and passwords cut from connection strings, so
   * the log can be shared with whoever helps (a test greps the output for them).
   */
  get loggable(): Record<string, unknown> {
    const { JWT_SECRET: _secret, METRICS_TOKEN: metricsToken, jwtSecretFile: _file, ...rest } = this.env;
    return {
      ...rest,
      MONGODB_URI: withoutCredentials(rest.MONGODB_URI),
      REDIS_URL: withoutCredentials(rest.REDIS_URL),
      METRICS_TOKEN: metricsToken ? 'set' : undefined,
    };
  }

  /** Where the data and the token signing secret live, for the startup log (never the secret itself). */
  get storageSummary(): string {
    const data = this.env.MONGODB_URI
      ? 'the MongoDB of MONGODB_URI'
      : `${resolve(this.env.HELIX_DATA_DIR)} (embedded database)`;
    const secret = this.env.jwtSecretFile ? `in ${this.env.jwtSecretFile} (owner only)` : 'from JWT_SECRET';
    return `Data in ${data}; sign-in secret ${secret}`;
  }
}

/** `mongodb://user:secret@host/db` → `mongodb://user:***@host/db`; anything unparsable is left out. */
function withoutCredentials(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    const url = new URL(uri);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(set)';
  }
}
