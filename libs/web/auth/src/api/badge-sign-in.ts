import type { AuthResponse, BadgeSignInRequest } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { startSession } from './start-session';

export function useSignInWithBadge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BadgeSignInRequest) => apiClient.post<AuthResponse>('/badges/sign-in', body),
    onSuccess: startSession(queryClient),
  });
}
