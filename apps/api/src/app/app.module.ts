import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ZodValidationPipe } from 'nestjs-zod';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AuthModule } from '@helix/api/auth';
import {
  AuthCoreModule,
  DatabaseModule,
  HelixConfig,
  HelixConfigModule,
  HttpErrorFilter,
  type EnvOverrides,
} from '@helix/api/core';
import { DiscussionModule } from '@helix/api/discussion';
import { InitiativesModule } from '@helix/api/initiatives';
import { PollsModule } from '@helix/api/polls';
import { QaModule } from '@helix/api/qa';

@Module({})
export class AppModule {
  static forRoot(overrides: EnvOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        HelixConfigModule.forRoot(overrides),
        DatabaseModule,
        AuthCoreModule,
        AuthModule,
        DiscussionModule,
        PollsModule,
        QaModule,
        InitiativesModule,
        ServeStaticModule.forRootAsync({
          inject: [HelixConfig],
          useFactory: (config: HelixConfig) => {
            const rootPath = resolve(config.get('HELIX_WEB_DIR'));
            // The API also runs without a built client (tests, `npm run dev` where Vite serves it).
            return existsSync(rootPath)
              ? [{ rootPath, exclude: ['/api/{*path}', '/socket.io/{*path}'] }]
              : [];
          },
        }),
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
