import { deterministicId } from '@helix/api/core';
import type { SystemAuthor } from '@helix/contract';

/** Helix as the author of what it posts (RoomPosts): one id for it everywhere, which no account has. */
export const HELIX_AUTHOR: SystemAuthor = {
  id: deterministicId('helix', 'system-author').toHexString(),
  displayName: 'Helix',
  system: true,
};
