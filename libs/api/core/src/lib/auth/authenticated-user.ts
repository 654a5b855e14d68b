import type { PublicUser, Role, StakeholderGroup } from '@helix/contract';

/** Who made a request, as proven by a verified access token. */
export interface AuthenticatedUser {
  id: string;
  displayName: string;
  organization: string;
  stakeholderGroup: StakeholderGroup;
  roles: Role[];
  /** The refresh-token family this access token was issued for. */
  sessionId: string;
  /** Seconds since the epoch when the access token stops being valid. */
  expiresAt: number;
}

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  name: string;
  org: string;
  grp: StakeholderGroup;
  roles: Role[];
  exp?: number;
}

export const isModerator = (user: Pick<AuthenticatedUser, 'roles'>): boolean =>
  user.roles.includes('moderator') || user.roles.includes('admin');

export const toPublicUser = (user: AuthenticatedUser): PublicUser => ({
  id: user.id,
  displayName: user.displayName,
  organization: user.organization,
  stakeholderGroup: user.stakeholderGroup,
});

/** Who acts when the server's clock does (an agenda session starting): named in logs as the agenda. */
export const AGENDA_ACTOR: AuthenticatedUser = {
  id: 'agenda',
  displayName: 'Agenda',
  organization: 'Helix',
  stakeholderGroup: 'civil_society',
  roles: ['participant', 'moderator'],
  sessionId: 'agenda',
  expiresAt: Number.MAX_SAFE_INTEGER,
};
