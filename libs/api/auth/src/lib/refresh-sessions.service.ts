import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { HelixConfig } from '@helix/api/core';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { trusted, type Model } from 'mongoose';
import { RefreshSessionRecord } from './schemas/refresh-session.schema';

const DAY_MS = 24 * 60 * 60 * 1000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

@Injectable()
export class RefreshSessionsService {
  constructor(
    @InjectModel(RefreshSessionRecord.name) private readonly sessions: Model<RefreshSessionRecord>,
    private readonly config: HelixConfig,
  ) {}

  /** Starts a new family (a sign-in) and returns its first token. */
  start(userId: string): Promise<{ token: string; familyId: string }> {
    return this.issue(userId, randomUUID());
  }

  /**
   * Exchanges a refresh token for the next one of its family. The token is marked used by a single
   * conditional update, so of two racing exchanges exactly one wins; a token presented after it was
   * used revokes the whole family.
   */
  async rotate(token: string): Promise<{ token: string; familyId: string; userId: string }> {
    const tokenHash = hashToken(token);
    const now = new Date();
    const current = await this.sessions
      .findOneAndUpdate(
        { tokenHash, usedAt: null, revokedAt: null, expiresAt: trusted({ $gt: now }) },
        { $set: { usedAt: now } },
        { new: true },
      )
      .lean<RefreshSessionRecord>()
      .exec();
    if (!current) {
      const known = await this.sessions.findOne({ tokenHash }).lean<RefreshSessionRecord>().exec();
      if (known?.usedAt && !known.revokedAt) {
        await this.revokeFamily(known.familyId);
        throw new UnauthorizedException('This refresh token was already used; the session has been ended');
      }
      throw new UnauthorizedException('The refresh token is invalid or expired');
    }
    const next = await this.issue(current.userId, current.familyId);
    return { ...next, userId: current.userId };
  }

  async revokeByToken(token: string): Promise<void> {
    const known = await this.sessions.findOne({ tokenHash: hashToken(token) }).lean<RefreshSessionRecord>().exec();
    if (known) await this.revokeFamily(known.familyId);
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.sessions.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: new Date() } }).exec();
  }

  private async issue(userId: string, familyId: string): Promise<{ token: string; familyId: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.sessions.create({
      tokenHash: hashToken(token),
      familyId,
      userId,
      createdAt: new Date(now),
      expiresAt: new Date(now + this.config.get('REFRESH_TOKEN_TTL_DAYS') * DAY_MS),
      usedAt: null,
      revokedAt: null,
    });
    return { token, familyId };
  }
}
