import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@helix/api/core';
import { createHash, randomBytes } from 'node:crypto';
import type { Model } from 'mongoose';
import { LinkTokenRecord, LinkTokenUseRecord, type LinkPurpose } from './schemas/link-token.schema';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

const INVALID_LINK = 'This link is invalid, expired or already used: ask for a new one';

/** Single-use tokens for e-mailed links; every look-up is by `_id` (docs/adr/0001-forum-scale.md). */
@Injectable()
export class LinkTokens {
  constructor(
    @InjectModel(LinkTokenRecord.name) private readonly tokens: Model<LinkTokenRecord>,
    @InjectModel(LinkTokenUseRecord.name) private readonly uses: Model<LinkTokenUseRecord>,
  ) {}

  async issue(purpose: LinkPurpose, userId: string, ttlMs: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.collection.insertOne({
      _id: hashToken(token),
      purpose,
      userId,
      expiresAt: new Date(Date.now() + ttlMs),
    } as never);
    return token;
  }

  /** Uses the token once and answers whose it is; 400 for an unknown, expired, used or other-purpose one. */
  async use(purpose: LinkPurpose, token: string): Promise<string> {
    const _id = hashToken(token);
    const record = await this.tokens.findById(_id).lean<LinkTokenRecord>().exec();
    if (!record || record.purpose !== purpose || record.expiresAt <= new Date())
      throw new BadRequestException(INVALID_LINK);
    try {
      await this.uses.collection.insertOne({ _id, usedAt: new Date() } as never);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new BadRequestException(INVALID_LINK);
      throw error;
    }
    return record.userId;
  }
}
