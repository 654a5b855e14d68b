import { ForbiddenException } from '@nestjs/common';
import {
  isModerator,
  mayModerateRoom,
  type PublicUser,
  type Role,
  type StakeholderGroup,
} from '@helix/contract';

/** Who made a request, as proven by a verified access token. */
export interface AuthenticatedUser {
  id: string;
  displayName: string;
  organization: string;
  stakeholderGroup: StakeholderGroup;
  roles: Role[];
  /** Rooms this person moderates without being a moderator forum-wide (invited or named in the directory). */
  moderatedRoomIds: string[];
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

export { isModerator, mayModerateRoom };

/** Whether a person moderates anywhere: the route guard's question before the room is known. */
export const moderatesAnyRoom = (user: Pick<AuthenticatedUser, 'roles' | 'moderatedRoomIds'>): boolean =>
  isModerator(user) || user.moderatedRoomIds.length > 0;

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
  moderatedRoomIds: [],
  sessionId: 'agenda',
  expiresAt: Number.MAX_SAFE_INTEGER,
};

/** Refuses (403) anyone who may not moderate in the room; every room-moderation action asks this. */
export function requireRoomModeration(
  user: Pick<AuthenticatedUser, 'roles' | 'moderatedRoomIds'>,
  roomId: string,
): void {
  if (!mayModerateRoom(user, roomId))
    throw new ForbiddenException('Only a moderator of this room, a moderator or an admin may do this');
}
