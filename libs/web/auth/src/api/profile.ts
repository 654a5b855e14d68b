import type { GroupChange, GroupChangeRequest, OwnGroupChanges, UpdateProfile, User } from '@helix/contract';
import { apiClient, apiRequest, downloadFile, meQueryKey, tokenStorage } from '@helix/web/data-access';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

const groupChangeKey = ['auth', 'me', 'group-change'] as const;

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateProfile) => apiClient.patch<User>('/auth/me', changes),
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });
}

export function useOwnGroupChanges() {
  return useQuery({
    queryKey: groupChangeKey,
    queryFn: () => apiClient.get<OwnGroupChanges>('/auth/me/group-change'),
  });
}

export function useRequestGroupChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: GroupChangeRequest) =>
      apiClient.post<GroupChange>('/auth/me/group-change', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupChangeKey }),
  });
}

export const downloadMyData = (): Promise<void> => downloadFile('/auth/me/export', 'helix-my-data.json');

/** Deletes the account; the server has ended every session, so the local one ends too. */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => apiRequest<void>('/auth/me', { method: 'DELETE', body: { password } }),
    onSuccess: () => {
      tokenStorage.set(null);
      queryClient.clear();
    },
  });
}
