import type { AuthResponse, LoginRequest } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { startSession } from './start-session';

export const signIn = (body: LoginRequest): Promise<AuthResponse> =>
  apiClient.post<AuthResponse>('/auth/login', body);

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: startSession(queryClient),
  });
}
