import type { AuthenticatedUser } from './authenticated-user';

/**
 * Whether an access token's session still stands, and who its person is now. A token proves who signed in
 * and when; it cannot know of a sign-out or a role taken away after it was issued. The accounts feature
 * provides this; the token check in AccessTokens depends on the abstraction, never on that feature.
 */
export abstract class SessionDirectory {
  /**
   * The person as the account says now (roles, name, organization, group), with the token's session and
   * expiry; null when the session has ended or the account is gone.
   */
  abstract current(claimed: AuthenticatedUser): Promise<AuthenticatedUser | null>;
}
