import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { roleSchema, stakeholderGroupSchema, type Role, type StakeholderGroup } from '@helix/contract';
import { z } from 'zod';
import type { AccessTokenClaims, AuthenticatedUser } from './authenticated-user';
import { SessionDirectory } from './session-directory';

const ENDED = 'Sign in first: the access token is missing, invalid or expired';

export const ACCESS_TOKEN_ALGORITHM = 'HS256';

const claimsSchema = z.object({
  sub: z.string().min(1),
  sid: z.string().min(1),
  name: z.string(),
  org: z.string(),
  grp: stakeholderGroupSchema,
  roles: z.array(roleSchema),
  exp: z.number(),
});

export interface AccessTokenSubject {
  id: string;
  displayName: string;
  organization: string;
  stakeholderGroup: StakeholderGroup;
  roles: Role[];
}

/**
 * Issues and verifies access tokens; shared by HTTP guards and the socket handshake. A verified token counts
 * only while its session stands, and it speaks for the person as their account is now: a sign-out or a
 * role taken away ends what the token could do at once, not when it expires.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionDirectory,
  ) {}

  issue(subject: AccessTokenSubject, sessionId: string): Promise<string> {
    const claims: AccessTokenClaims = {
      sub: subject.id,
      sid: sessionId,
      name: subject.displayName,
      org: subject.organization,
      grp: subject.stakeholderGroup,
      roles: subject.roles,
    };
    return this.jwt.signAsync(claims);
  }

  /** Throws on a missing, forged, expired or malformed token, and on one whose session has ended. */
  async verify(token: string): Promise<AuthenticatedUser> {
    const raw = await this.jwt.verifyAsync<object>(token, { algorithms: [ACCESS_TOKEN_ALGORITHM] });
    return this.current(toAuthenticatedUser(raw));
  }

  /** The person behind a token whose signature is already verified (see JwtAuthGuard), as they are now. */
  async current(claimed: AuthenticatedUser): Promise<AuthenticatedUser> {
    const user = await this.sessions.current(claimed);
    if (!user) throw new UnauthorizedException(ENDED);
    return user;
  }
}

export function toAuthenticatedUser(raw: unknown): AuthenticatedUser {
  const claims = claimsSchema.parse(raw);
  return {
    id: claims.sub,
    sessionId: claims.sid,
    displayName: claims.name,
    organization: claims.org,
    stakeholderGroup: claims.grp,
    roles: claims.roles,
    // Not in the token: the account is read on every request (SessionDirectory) and says which rooms.
    moderatedRoomIds: [],
    expiresAt: claims.exp,
  };
}
