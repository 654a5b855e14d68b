import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, registerAs } from '@nestjs/config';
import { CONFIG_NAMESPACE, parseEnv } from './env.schema';
import { HelixConfig } from './helix-config';

export type EnvOverrides = Record<string, string | undefined>;

@Global()
@Module({})
export class HelixConfigModule {
  /** `overrides` lets tests start several apps with different settings in one process. */
  static forRoot(overrides: EnvOverrides = {}): DynamicModule {
    const helix = registerAs(CONFIG_NAMESPACE, () => parseEnv({ ...process.env, ...overrides }));
    return {
      module: HelixConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [helix] })],
      providers: [HelixConfig],
      exports: [HelixConfig],
    };
  }
}
