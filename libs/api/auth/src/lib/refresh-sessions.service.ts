import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { HelixConfig, isDuplicateKeyError } from '@helix/api/core';
import { SessionSockets } from '@helix/api/realtime';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { trusted, type Model } from 'mongoose';
import { RefreshSessionRecord } from './schemas/refresh-session.schema';

const DAY_MS = 24 * 60 * 60 * 1000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

const REUSED = 'This refresh token was already used; the session has been ended';

/**
 * Two tabs of one browser often refresh with the same token at once. For this long after a token is
 * rotated, and while its successor is still unused, it may be rotated once more (a second successor);
 * any other reuse revokes the chain.
 */
export const REFRESH_GRACE_MS = 10_000;
const GRACE_SUFFIX = '#grace';

@Injectable()
export class RefreshSessionsService {
  constructor(
    @InjectModel(RefreshSessionRecord.name) private readonly sessions: Model<RefreshSessionRecord>,
    private readonly config: HelixConfig,
    private readonly sockets: SessionSockets,
  ) {}

  /** Starts a new chain (a sign-in) and returns its first token. */
  start(userId: string): Promise<{ token: string; familyId: string }> {
    const familyId = randomUUID();
    return this.issue(userId, familyId, `family:${familyId}`);
  }

  /** Exchanges a refresh token for its successor; see RefreshSessionRecord for why this is race-free. */
  async rotate(token: string): Promise<{ token: string; familyId: string; userId: string }> {
    const tokenHash = hashToken(token);
    const current = await this.sessions
      .findOne({ tokenHash, revokedAt: null, expiresAt: trusted({ $gt: new Date() }) })
      .lean<RefreshSessionRecord>()
      .exec();
    if (!current) throw new UnauthorizedException('The refresh token is invalid, expired or revoked');
    let next: { token: string; familyId: string };
    try {
      next = await this.issue(current.userId, current.familyId, tokenHash);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      next = await this.rotateWithinGrace(current, tokenHash);
    }
    // A reuse elsewhere may have revoked the chain while the successor was being added.
    if (
      await this.sessions.exists({ familyId: current.familyId, revokedAt: trusted({ $ne: null }) }).exec()
    ) {
      await this.revokeFamily(current.familyId);
      throw new UnauthorizedException(REUSED);
    }
    return { ...next, userId: current.userId };
  }

  private async rotateWithinGrace(
    current: RefreshSessionRecord,
    tokenHash: string,
  ): Promise<{ token: string; familyId: string }> {
    const successor = await this.sessions
      .findOne({ parentHash: tokenHash })
      .lean<RefreshSessionRecord>()
      .exec();
    const successorUsed =
      successor &&
      (await this.sessions
        .exists({ parentHash: trusted({ $in: [successor.tokenHash, successor.tokenHash + GRACE_SUFFIX] }) })
        .exec());
    if (successor && !successorUsed && Date.now() - successor.createdAt.getTime() <= REFRESH_GRACE_MS) {
      try {
        // The grace successor has its own unique parent key, so this too succeeds at most once.
        return await this.issue(current.userId, current.familyId, tokenHash + GRACE_SUFFIX);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    await this.revokeFamily(current.familyId);
    throw new UnauthorizedException(REUSED);
  }

  async revokeByToken(token: string): Promise<void> {
    const known = await this.sessions
      .findOne({ tokenHash: hashToken(token) })
      .lean<RefreshSessionRecord>()
      .exec();
    if (known) await this.revokeFamily(known.familyId);
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.sessions.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: new Date() } }).exec();
    this.sockets.end(familyId);
  }

  private async issue(
    userId: string,
    familyId: string,
    parentHash: string,
  ): Promise<{ token: string; familyId: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.sessions.create({
      tokenHash: hashToken(token),
      familyId,
      userId,
      parentHash,
      createdAt: new Date(now),
      expiresAt: new Date(now + this.config.get('REFRESH_TOKEN_TTL_DAYS') * DAY_MS),
      revokedAt: null,
    });
    return { token, familyId };
  }
}
