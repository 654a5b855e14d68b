import type { User } from '@helix/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { createContext, useContext, useSyncExternalStore } from 'react';
import { apiClient } from './api-client';
import { tokenStorage } from './token-storage';

export const getMe = (): Promise<User> => apiClient.get<User>('/auth/me');

export const meQueryKey = ['auth', 'me'] as const;

export const getMeQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });

/**
 * True while the server renders a signed-in reader's first screen: it has no token storage, but has
 * verified the page's session cookie (apps/web first-screen.server.tsx).
 */
export const ServerSessionContext = createContext(false);

export function useHasSession(): boolean {
  const onServer = useContext(ServerSessionContext);
  const stored = useSyncExternalStore(
    tokenStorage.subscribe,
    () => tokenStorage.get() !== null,
    () => false,
  );
  return onServer || stored;
}

/** The signed-in user, shared by every feature; `undefined` while loading or signed out. */
export function useCurrentUser() {
  const hasSession = useHasSession();
  return useQuery({ ...getMeQueryOptions(), enabled: hasSession });
}

export { isModerator, mayModerateRoom } from '@helix/contract';
