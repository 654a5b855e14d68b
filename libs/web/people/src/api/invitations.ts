import type {
  CreateInvitationRequest,
  Invitation,
  InvitationAcceptance,
  InvitationPreview,
} from '@helix/contract';
import { apiClient, meQueryKey } from '@helix/web/data-access';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

const invitationsKey = (forumId: string) => ['forums', forumId, 'invitations'] as const;

export function useInvitations(forumId: string) {
  return useQuery({
    queryKey: invitationsKey(forumId),
    queryFn: () => apiClient.get<Invitation[]>(`/forums/${forumId}/invitations`),
  });
}

export function useCreateInvitation(forumId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateInvitationRequest) =>
      apiClient.post<Invitation>(`/forums/${forumId}/invitations`, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(forumId) }),
  });
}

export function useRevokeInvitation(forumId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => apiClient.post<Invitation>(`/invitations/${invitationId}/revoke`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(forumId) }),
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => apiClient.post<InvitationPreview>('/invitations/preview', { token }),
    retry: false,
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<InvitationAcceptance>('/invitations/accept', { token }),
    // The account's rooms and forums changed: what the app shows follows the new role.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
