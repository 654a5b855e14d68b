import type { User } from '@helix/contract';
import { useCurrentUser, useHasSession } from '@helix/web/data-access';

export interface AuthState {
  user: User | undefined;
  /** A session exists but the user is still being fetched. */
  isLoading: boolean;
  isSignedIn: boolean;
}

export function useAuth(): AuthState {
  const hasSession = useHasSession();
  const me = useCurrentUser();
  return {
    user: hasSession ? me.data : undefined,
    isLoading: hasSession && me.isPending,
    isSignedIn: hasSession && !!me.data,
  };
}
