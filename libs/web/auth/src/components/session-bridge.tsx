import {
  getOutbox,
  meQueryKey,
  startSocket,
  stopSocket,
  tokenStorage,
  useCurrentUser,
} from '@helix/web/data-access';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/** Ties the live connection and the outbox to the session: connect when signed in, drop everything on sign-out. */
export function SessionBridge() {
  const queryClient = useQueryClient();
  const { data: user } = useCurrentUser();
  const userId = user?.id ?? null;

  useEffect(() => {
    if (!userId) return;
    getOutbox().setUser(userId);
    startSocket();
  }, [userId]);

  useEffect(
    () =>
      tokenStorage.subscribe((tokens) => {
        if (tokens) return;
        stopSocket();
        queryClient.removeQueries({ queryKey: meQueryKey });
        queryClient.clear();
      }),
    [queryClient],
  );

  return null;
}
