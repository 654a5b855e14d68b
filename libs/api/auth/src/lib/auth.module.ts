import { Global, Module } from '@nestjs/common';
import { SessionDirectory, UserDirectory } from '@helix/api/core';
import { MongooseModule } from '@nestjs/mongoose';
import { RealtimeModule } from '@helix/api/realtime';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LiveSessions } from './live-sessions';
import { LoginAttempts } from './login-attempts';
import { PasswordHasher } from './password-hasher';
import { RefreshSessionsService } from './refresh-sessions.service';
import { RefreshTokenRecord, RefreshTokenSchema } from './schemas/refresh-token.schema';
import { SessionRecord, SessionSchema } from './schemas/session.schema';
import { UserEmailRecord, UserEmailSchema } from './schemas/user-email.schema';
import { UserRecord, UserSchema } from './schemas/user.schema';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/**
 * Global so that features can find people through UserDirectory, and every access token be checked against
 * its session through SessionDirectory, without importing this feature.
 */
@Global()
@Module({
  imports: [
    RealtimeModule,
    MongooseModule.forFeature([
      { name: UserRecord.name, schema: UserSchema },
      { name: UserEmailRecord.name, schema: UserEmailSchema },
      { name: RefreshTokenRecord.name, schema: RefreshTokenSchema },
      { name: SessionRecord.name, schema: SessionSchema },
    ]),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    UsersService,
    RefreshSessionsService,
    PasswordHasher,
    LoginAttempts,
    LiveSessions,
    { provide: UserDirectory, useExisting: UsersService },
    { provide: SessionDirectory, useExisting: LiveSessions },
  ],
  exports: [UserDirectory, SessionDirectory],
})
export class AuthModule {}
