import type { Forum, User } from '@helix/contract';

/** As the API decides it: admins organize every forum, an organizer the forums that name them. */
export const canOrganize = (
  user: Pick<User, 'id' | 'roles'> | undefined,
  forum: Pick<Forum, 'organizerIds'>,
): boolean => !!user && (user.roles.includes('admin') || forum.organizerIds.includes(user.id));
