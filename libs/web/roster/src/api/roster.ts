import type { RosterEntry, RosterImportRequest, RosterImportResult } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

const id = encodeURIComponent;
const rosterKey = (forumId: string) => ['roster', forumId] as const;

export const useRoster = (forumId: string) =>
  useQuery({
    queryKey: rosterKey(forumId),
    queryFn: () => apiClient.get<RosterEntry[]>(`/forums/${id(forumId)}/roster`),
  });

/** Checks (dryRun) or imports a registration list; a file with bad lines fails with them in `lines`. */
export function useImportRoster(forumId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: RosterImportRequest; dryRun: boolean }) =>
      apiClient.post<RosterImportResult>(`/forums/${id(forumId)}/roster?dryRun=${dryRun}`, file),
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: rosterKey(forumId) });
    },
  });
}

/** Revokes a badge link, or makes a new one (the old one stops working either way). */
export function useChangeBadge(forumId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, change }: { entryId: string; change: 'revoke' | 'renew' }): Promise<unknown> => {
      const path = `/forums/${id(forumId)}/roster/${id(entryId)}/badge`;
      return change === 'revoke' ? apiClient.delete<void>(path) : apiClient.post<RosterEntry>(path);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rosterKey(forumId) }),
  });
}
