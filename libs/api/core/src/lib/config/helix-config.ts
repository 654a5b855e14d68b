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

  /** Where the data and the token signing secret live, for the startup log (never the secret itself). */
  get storageSummary(): string {
    const data = this.env.MONGODB_URI
      ? 'the MongoDB of MONGODB_URI'
      : `${resolve(this.env.HELIX_DATA_DIR)} (embedded database)`;
    const secret = this.env.jwtSecretFile ? `in ${this.env.jwtSecretFile} (owner only)` : 'from JWT_SECRET';
    return `Data in ${data}; sign-in secret ${secret}`;
  }
}
