import { Injectable } from '@nestjs/common';
import { HelixConfig } from '@helix/api/core';
import { createHash, createHmac } from 'node:crypto';

export const hashBadgeToken = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

/**
 * A badge link's token is `<roster entry id>.<MAC of the entry id and the badge's generation>`. The database
 * keeps only its hash; the badge sheet can still be printed again at any time because the server derives
 * the token from its secret, and a new badge (the next generation) makes every older token useless.
 */
@Injectable()
export class BadgeTokens {
  private readonly key: Buffer;

  constructor(config: HelixConfig) {
    // A key of its own, so a badge MAC can never be mistaken for anything else signed with the secret.
    this.key = createHmac('sha256', config.get('JWT_SECRET')).update('helix badge links').digest();
  }

  token(entryId: string, generation: number): string {
    const mac = createHmac('sha256', this.key).update(`${entryId}:${generation}`).digest('base64url');
    return `${entryId}.${mac}`;
  }

  /** The roster entry a token names, or null when it is not a badge token's shape. */
  entryIdOf(token: string): string | null {
    const [entryId, mac] = token.split('.');
    return mac && /^[0-9a-f]{24}$/.test(entryId) ? entryId : null;
  }
}
