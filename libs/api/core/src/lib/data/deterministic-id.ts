import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * An ObjectId that is a function of its parts, so a natural key (an author and their clientId, a room
 * and a seq) can be the document's `_id`: looking it up is an `_id` search on either database, and the
 * `_id` index makes it unique without a second index (see docs/adr/0001-forum-scale.md).
 */
export function deterministicId(...parts: string[]): Types.ObjectId {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return new Types.ObjectId(digest.subarray(0, 12));
}
