import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { HelixConfig, isDuplicateKeyError } from '@helix/api/core';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { LiveSessions } from './live-sessions';
import { RefreshTokenRecord } from './schemas/refresh-token.schema';
import { SessionRecord } from './schemas/session.schema';

const DAY_MS = 24 * 60 * 60 * 1000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

const INVALID = 'The refresh token is invalid, expired or revoked';
const REUSED = 'This refresh token was already used; the session has been ended';

/**
 * Two tabs of one browser often refresh with the same token at once. For this long after a token is
 * rotated, and while its successor is still unused, it may be rotated once more (a second successor);
 * any other reuse ends the session.
 */
export const REFRESH_GRACE_MS = 10_000;
const GRACE_SUFFIX = '#grace';

/** Sessions and their chains of refresh tokens; every look-up is by `_id` (docs/adr/0001-forum-scale.md). */
@Injectable()
export class RefreshSessionsService {
  constructor(
    @InjectModel(RefreshTokenRecord.name) private readonly tokens: Model<RefreshTokenRecord>,
    @InjectModel(SessionRecord.name) private readonly sessions: Model<SessionRecord>,
    private readonly config: HelixConfig,
    private readonly live: LiveSessions,
  ) {}

  /** Starts a session (a sign-in) and returns its first token; `sessionId` goes into access tokens. */
  async start(userId: string): Promise<{ token: string; sessionId: string }> {
    const sessionId = randomUUID();
    await this.sessions.collection.insertOne({
      _id: sessionId,
      userId,
      createdAt: new Date(),
      revokedAt: null,
    } as never);
    return this.issue(userId, sessionId, `session:${sessionId}`);
  }

  /** Exchanges a refresh token for its successor; see RefreshTokenRecord for why this is race-free. */
  async rotate(token: string): Promise<{ token: string; sessionId: string; userId: string }> {
    const tokenHash = hashToken(token);
    const current = await this.tokens.findById(tokenHash).lean<RefreshTokenRecord>().exec();
    if (!current || current.expiresAt <= new Date() || !(await this.isLive(current.sessionId)))
      throw new UnauthorizedException(INVALID);
    let next: { token: string; sessionId: string };
    try {
      next = await this.issue(current.userId, current.sessionId, tokenHash);
      await this.tokens
        .updateOne({ _id: tokenHash }, { $set: { successorHash: hashToken(next.token) } })
        .exec();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      next = await this.rotateWithinGrace(current, tokenHash);
    }
    // A reuse elsewhere may have ended the session while the successor was being added.
    if (!(await this.isLive(current.sessionId))) {
      await this.end(current.sessionId);
      throw new UnauthorizedException(REUSED);
    }
    return { ...next, userId: current.userId };
  }

  async revokeByToken(token: string): Promise<void> {
    const known = await this.tokens.findById(hashToken(token)).lean<RefreshTokenRecord>().exec();
    if (known) await this.end(known.sessionId);
  }

  /**
   * Ends a session: its refresh tokens, its access tokens and its sockets stop working, on every instance.
   */
  async end(sessionId: string): Promise<void> {
    await this.sessions
      .updateOne({ _id: sessionId, revokedAt: null }, { $set: { revokedAt: new Date() } })
      .exec();
    this.live.ended(sessionId);
  }

  /**
   * The live sessions of an account, newest first, found by the sessions' `userId` index: asked for by a
   * new password or an admin looking at one person, never by a hall's worth of requests.
   */
  async liveOf(userId: string): Promise<{ id: string; createdAt: Date }[]> {
    const live = await this.sessions
      .find({ userId, revokedAt: null }, { _id: 1, createdAt: 1 })
      .lean<{ _id: string; createdAt: Date }[]>()
      .exec();
    return live
      .map((session) => ({ id: session._id, createdAt: session.createdAt }))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /** Every session the account ever had, newest first: only the person's own data export asks. */
  async allOf(userId: string): Promise<SessionRecord[]> {
    const all = await this.sessions.find({ userId }).lean<SessionRecord[]>().exec();
    return all.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /** Ends every session of an account (a new password, a deleted account). */
  async endAllOf(userId: string): Promise<void> {
    for (const session of await this.liveOf(userId)) await this.end(session.id);
  }

  /** Ends one session if it is this account's; false when it is not (or is unknown). */
  async endOf(userId: string, sessionId: string): Promise<boolean> {
    const session = await this.sessions.findById(sessionId).lean<SessionRecord>().exec();
    if (!session || session.userId !== userId) return false;
    await this.end(sessionId);
    return true;
  }

  private async isLive(sessionId: string): Promise<boolean> {
    const session = await this.sessions.findById(sessionId).lean<SessionRecord>().exec();
    return !!session && session.revokedAt === null;
  }

  private async rotateWithinGrace(
    current: RefreshTokenRecord,
    tokenHash: string,
  ): Promise<{ token: string; sessionId: string }> {
    const successorHash =
      current.successorHash ??
      (await this.tokens.findOne({ parentHash: tokenHash }).lean<RefreshTokenRecord>().exec())?._id;
    const successor = successorHash
      ? await this.tokens.findById(successorHash).lean<RefreshTokenRecord>().exec()
      : null;
    const successorUsed = !!successor?.successorHash;
    if (successor && !successorUsed && Date.now() - successor.createdAt.getTime() <= REFRESH_GRACE_MS) {
      try {
        // The grace successor has its own unique parent key, so this too succeeds at most once.
        return await this.issue(current.userId, current.sessionId, tokenHash + GRACE_SUFFIX);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    await this.end(current.sessionId);
    throw new UnauthorizedException(REUSED);
  }

  private async issue(
    userId: string,
    sessionId: string,
    parentHash: string,
  ): Promise<{ token: string; sessionId: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.tokens.collection.insertOne({
      _id: hashToken(token),
      sessionId,
      userId,
      parentHash,
      successorHash: null,
      createdAt: new Date(now),
      expiresAt: new Date(now + this.config.get('REFRESH_TOKEN_TTL_DAYS') * DAY_MS),
    } as never);
    return { token, sessionId };
  }
}
