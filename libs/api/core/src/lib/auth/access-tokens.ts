import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { roleSchema, stakeholderGroupSchema, type Role, type StakeholderGroup } from '@helix/contract';
import { z } from 'zod';
import type { AccessTokenClaims, AuthenticatedUser } from './authenticated-user';

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

/** Issues and verifies access tokens; shared by HTTP guards and the socket handshake. */
@Injectable()
export class AccessTokens {
  constructor(private readonly jwt: JwtService) {}

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

  /** Throws on a missing, forged, expired or malformed token. */
  async verify(token: string): Promise<AuthenticatedUser> {
    const raw = await this.jwt.verifyAsync<object>(token, { algorithms: [ACCESS_TOKEN_ALGORITHM] });
    return toAuthenticatedUser(raw);
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
    expiresAt: claims.exp,
  };
}
