import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { AccountAdmin, AuthModule } from '@helix/api/auth';
import {
  AuthCoreModule,
  DatabaseModule,
  FirstScreens,
  HelixConfigModule,
  HttpErrorFilter,
  type EnvOverrides,
} from '@helix/api/core';
import { DiscussionModule } from '@helix/api/discussion';
import { ForumsModule } from '@helix/api/forums';
import { InitiativesModule } from '@helix/api/initiatives';
import { ObservabilityModule } from '@helix/api/observability';
import { MailModule } from '@helix/api/mail';
import { PeopleModule } from '@helix/api/people';
import { PollsModule } from '@helix/api/polls';
import { QaModule } from '@helix/api/qa';
import { RosterModule } from '@helix/api/roster';
import { StatementsModule } from '@helix/api/statements';
import { RoomsFirstScreen } from './rooms-first-screen';

@Module({})
export class AppModule {
  static forRoot(overrides: EnvOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        HelixConfigModule.forRoot(overrides),
        ObservabilityModule,
        DatabaseModule,
        AuthCoreModule,
        MailModule,
        AuthModule,
        ForumsModule,
        DiscussionModule,
        PollsModule,
        QaModule,
        StatementsModule,
        InitiativesModule,
        PeopleModule.forRoot(AccountAdmin),
        RosterModule.forRoot(AccountAdmin),
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: FirstScreens, useClass: RoomsFirstScreen },
      ],
    };
  }
}
