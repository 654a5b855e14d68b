import { apiClient, tokenStorage } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** Revokes the refresh token on the server; the local session ends whatever the answer. */
export async function signOut(): Promise<void> {
  const refreshToken = tokenStorage.get()?.refreshToken;
  try {
    if (refreshToken) await apiClient.post<void>('/auth/logout', { refreshToken });
  } finally {
    tokenStorage.set(null);
  }
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => queryClient.clear(),
  });
}
