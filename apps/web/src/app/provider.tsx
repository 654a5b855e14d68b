import { SessionBridge } from '@helix/web/auth';
import {
  createQueryClient,
  firstScreenOfPage,
  getMeQueryOptions,
  getRoomsQueryOptions,
  i18n,
  seedFirstScreen,
  tokenStorage,
} from '@helix/web/data-access';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';

/**
 * With a session, the user and the rooms are asked for side by side at startup, while the reader's strings
 * load: the sign-in guard waits for the user, and the rooms page then renders from the cache instead of
 * asking only afterwards. A page the server rendered brought both along (first-screen.server.tsx): the
 * app starts from them, and its first render is the screen already there.
 */
export function createAppQueryClient(): QueryClient {
  const queryClient = createQueryClient();
  if (tokenStorage.get()) {
    const firstScreen = firstScreenOfPage();
    if (firstScreen) seedFirstScreen(queryClient, firstScreen);
    void queryClient.prefetchQuery(getMeQueryOptions());
    void queryClient.prefetchQuery(getRoomsQueryOptions());
  }
  return queryClient;
}

export function AppProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  // Rooms, consensus texts and errors come worded in the language asked for: a new language asks again.
  useEffect(() => {
    const refetch = (): void => void queryClient.invalidateQueries();
    i18n.on('languageChanged', refetch);
    return () => i18n.off('languageChanged', refetch);
  }, [queryClient]);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <SessionBridge />
        {children}
      </QueryClientProvider>
    </I18nextProvider>
  );
}
