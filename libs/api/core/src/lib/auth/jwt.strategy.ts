import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { HelixConfig } from '../config/helix-config';
import { ACCESS_TOKEN_ALGORITHM, AccessTokens } from './access-tokens';
import type { AuthenticatedUser } from './authenticated-user';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: HelixConfig,
    private readonly tokens: AccessTokens,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.get('JWT_SECRET'),
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  /** passport-jwt has checked the signature and expiry; the session and the current roles are checked here. */
  validate(payload: unknown): Promise<AuthenticatedUser> {
    return this.tokens.current(payload);
  }
}
