import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { throttlerOptions } from '../http/rate-limits';
import { HelixConfig } from '../config/helix-config';
import { AccessTokens, ACCESS_TOKEN_ALGORITHM } from './access-tokens';
import { JwtAuthGuard, RolesGuard } from './guards';
import { JwtStrategy } from './jwt.strategy';
import { PersonalData } from './personal-data';

@Global()
@Module({
  imports: [
    PassportModule,
    ThrottlerModule.forRootAsync({ inject: [HelixConfig], useFactory: throttlerOptions }),
    JwtModule.registerAsync({
      inject: [HelixConfig],
      useFactory: (config: HelixConfig) => ({
        secret: config.get('JWT_SECRET'),
        signOptions: { algorithm: ACCESS_TOKEN_ALGORITHM, expiresIn: config.get('ACCESS_TOKEN_TTL_SECONDS') },
        verifyOptions: { algorithms: [ACCESS_TOKEN_ALGORITHM] },
      }),
    }),
  ],
  providers: [
    AccessTokens,
    PersonalData,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    // After the JWT guard, so limits can be keyed on the signed-in person.
    { provide: APP_GUARD, useClass: ThrottlerGuard },
  ],
  exports: [AccessTokens, PersonalData],
})
export class AuthCoreModule {}
