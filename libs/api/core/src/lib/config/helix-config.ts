import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
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
}
