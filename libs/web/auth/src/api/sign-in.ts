import type { AuthResponse, LoginRequest } from '@helix/contract';
import { apiClient, meQueryKey, tokenStorage } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';

export const signIn = (body: LoginRequest): Promise<AuthResponse> =>
  apiClient.post<AuthResponse>('/auth/login', body);

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: ({ accessToken, refreshToken, user }) => {
      queryClient.setQueryData(meQueryKey, user);
      tokenStorage.set({ accessToken, refreshToken });
    },
  });
}
