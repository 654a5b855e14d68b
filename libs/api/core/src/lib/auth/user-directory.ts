import type { PublicUser } from '@helix/contract';

export interface DirectoryUser extends PublicUser {
  email: string;
}

/**
 * Finds people by email for features that name someone (an organizer of a forum). The accounts feature
 * provides it; others depend on this abstraction, never on that feature.
 */
export abstract class UserDirectory {
  abstract findByEmail(email: string): Promise<DirectoryUser | null>;
  abstract findById(id: string): Promise<DirectoryUser | null>;
}
