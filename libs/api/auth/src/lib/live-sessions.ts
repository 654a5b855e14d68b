import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { SessionDirectory, type AuthenticatedUser } from '@helix/api/core';
import { RoomBroadcaster, SessionSockets, type SocketProfile } from '@helix/api/realtime';
import { Types, type Model } from 'mongoose';
import { RecheckedCache } from './rechecked-cache';
import { SessionRecord } from './schemas/session.schema';
import { UserRecord } from './schemas/user.schema';

/**
 * How old a cached session or account may get before a request reads it again by `_id`. Changes reach every
 * instance at once as server-side events; this only bounds how long one lost in Redis can go unnoticed.
 */
const RECHECK_MS = 30_000;
/** Sessions and accounts kept: every person of a large forum with a few devices each. */
const CACHE_MAX = 50_000;
const SESSION_ENDED = 'helix:session-ended';
const USER_CHANGED = 'helix:user-changed';

const profileOf = (record: UserRecord): SocketProfile => ({
  displayName: record.displayName,
  organization: record.organization,
  stakeholderGroup: record.stakeholderGroup,
  roles: record.roles,
  moderatedRoomIds: record.moderatedRoomIds ?? [],
});

/**
 * Which sessions stand and what their people may do now, for every request and socket
 * (docs/adr/0001-forum-scale.md: by `_id` only, from memory). Each instance keeps what it has read; an ended
 * session or a changed account is announced to every instance, which updates its memory and its live
 * sockets, so a sign-out or a role taken away takes effect everywhere within moments.
 */
@Injectable()
export class LiveSessions extends SessionDirectory {
  /** The person of each live session; null for an ended or unknown one. */
  private readonly sessionOwners: RecheckedCache<string | null>;
  private readonly profiles: RecheckedCache<SocketProfile | null>;

  constructor(
    @InjectModel(SessionRecord.name) sessions: Model<SessionRecord>,
    @InjectModel(UserRecord.name) users: Model<UserRecord>,
    private readonly broadcaster: RoomBroadcaster,
    private readonly sockets: SessionSockets,
  ) {
    super();
    this.sessionOwners = new RecheckedCache(
      async (sessionId) => {
        const session = await sessions.findById(sessionId).lean<SessionRecord>().exec();
        return session && session.revokedAt === null ? session.userId : null;
      },
      RECHECK_MS,
      CACHE_MAX,
    );
    this.profiles = new RecheckedCache(
      async (userId) => {
        if (!Types.ObjectId.isValid(userId)) return null;
        const user = await users.findById(userId).lean<UserRecord>().exec();
        return user ? profileOf(user) : null;
      },
      RECHECK_MS,
      CACHE_MAX,
    );
    broadcaster.onAttach((server) => {
      server.on(SESSION_ENDED, (sessionId: string) => this.endHere(sessionId));
      server.on(USER_CHANGED, (userId: string) => void this.refreshHere(userId).catch(() => undefined));
    });
  }

  async current(claimed: AuthenticatedUser): Promise<AuthenticatedUser | null> {
    const [owner, profile] = await Promise.all([
      this.sessionOwners.get(claimed.sessionId),
      this.profiles.get(claimed.id),
    ]);
    if (owner !== claimed.id || !profile) return null;
    return { ...claimed, ...profile };
  }

  /** The session's document says it has ended: every instance stops accepting it and closes its sockets. */
  ended(sessionId: string): void {
    this.endHere(sessionId);
    this.broadcaster.toOtherInstances(SESSION_ENDED, sessionId);
  }

  /**
   * The account's document changed (roles, name): every instance reads it again by `_id` (a message may
   * come late or out of order, the document cannot) and its sockets act with what it says now.
   */
  async changed(userId: string): Promise<void> {
    await this.refreshHere(userId);
    this.broadcaster.toOtherInstances(USER_CHANGED, userId);
  }

  private endHere(sessionId: string): void {
    // An ended session never comes back, so the message itself can be trusted.
    this.sessionOwners.set(sessionId, null);
    this.sockets.end(sessionId);
  }

  private async refreshHere(userId: string): Promise<void> {
    this.profiles.forget(userId);
    this.sockets.update(userId, await this.profiles.get(userId));
  }
}
