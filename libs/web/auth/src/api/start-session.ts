import type { AuthResponse } from '@helix/contract';
import { meQueryKey, tokenStorage } from '@helix/web/data-access';
import type { QueryClient } from '@tanstack/react-query';

/** What every way of signing in does with the server's answer: keep the tokens, know the user. */
export const startSession =
  (queryClient: QueryClient) =>
  ({ accessToken, refreshToken, user }: AuthResponse): void => {
    queryClient.setQueryData(meQueryKey, user);
    tokenStorage.set({ accessToken, refreshToken });
  };
