import type { AuthenticatedUser } from '@helix/api/core';
import type { ForumRecord } from './schemas/forum.schema';

/** Admins organize every forum; an organizer, the forums that name them. */
export const canOrganize = (user: Pick<AuthenticatedUser, 'id' | 'roles'>, forum: ForumRecord): boolean =>
  user.roles.includes('admin') || forum.organizerIds.includes(user.id);
