import type { AuthResponse, EmailLinkRequest, PasswordResetConfirm } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { startSession } from './start-session';

export type EmailLinkKind = 'password-reset' | 'sign-in-link';

/** Asks for an e-mailed link; the server answers alike whether or not the account exists. */
export function useRequestEmailLink(kind: EmailLinkKind) {
  return useMutation({
    mutationFn: (body: EmailLinkRequest) => apiClient.post<void>(`/auth/${kind}`, body),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: PasswordResetConfirm) => apiClient.post<void>('/auth/password-reset/confirm', body),
  });
}

export function useSignInWithLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiClient.post<AuthResponse>('/auth/sign-in-link/confirm', { token }),
    onSuccess: startSession(queryClient),
  });
}
