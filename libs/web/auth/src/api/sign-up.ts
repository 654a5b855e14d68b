import type { AuthResponse, RegisterRequest } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { startSession } from './start-session';

export const signUp = (body: RegisterRequest): Promise<AuthResponse> =>
  apiClient.post<AuthResponse>('/auth/register', body);

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    onSuccess: startSession(queryClient),
  });
}
