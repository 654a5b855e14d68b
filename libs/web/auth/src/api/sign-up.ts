import type { AuthResponse, RegisterRequest } from '@helix/contract';
import { apiClient, meQueryKey, tokenStorage } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';

export const signUp = (body: RegisterRequest): Promise<AuthResponse> =>
  apiClient.post<AuthResponse>('/auth/register', body);

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    onSuccess: ({ accessToken, refreshToken, user }) => {
      queryClient.setQueryData(meQueryKey, user);
      tokenStorage.set({ accessToken, refreshToken });
    },
  });
}
