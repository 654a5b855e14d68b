import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RealtimeModule } from '@helix/api/realtime';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginAttempts } from './login-attempts';
import { PasswordHasher } from './password-hasher';
import { RefreshSessionsService } from './refresh-sessions.service';
import { RefreshSessionRecord, RefreshSessionSchema } from './schemas/refresh-session.schema';
import { UserRecord, UserSchema } from './schemas/user.schema';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    RealtimeModule,
    MongooseModule.forFeature([
      { name: UserRecord.name, schema: UserSchema },
      { name: RefreshSessionRecord.name, schema: RefreshSessionSchema },
    ]),
  ],
  controllers: [AuthController, UsersController],
  providers: [AuthService, UsersService, RefreshSessionsService, PasswordHasher, LoginAttempts],
})
export class AuthModule {}
