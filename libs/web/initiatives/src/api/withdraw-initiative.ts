import type { Forum, Initiative } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { upsertInitiative } from './initiative-cache';

export const withdrawInitiative = (id: string): Promise<Initiative> =>
  apiClient.post<Initiative>(`/initiatives/${encodeURIComponent(id)}/withdraw`);

/**
 * Withdraws a draft: the answer, `withdrawn`, takes it off every loaded list, then `onWithdrawn` runs (here,
 * not per call: the button that asked is gone by then, as the page no longer shows a draft).
 */
export function useWithdrawInitiative(id: string, onWithdrawn: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => withdrawInitiative(id),
    onSuccess: (initiative) => {
      upsertInitiative(queryClient, initiative, 'answer');
      onWithdrawn();
    },
  });
}

/**
 * Who organizes the initiative's forum, asked only when `needed` (the viewer may withdraw for another reason
 * already). The key is the forums feature's for the same document, so both share one cached copy.
 */
export const useForumOrganizerIds = (forumId: string, needed: boolean): readonly string[] =>
  useQuery({
    queryKey: ['forums', forumId],
    queryFn: () => apiClient.get<Forum>(`/forums/${encodeURIComponent(forumId)}`),
    enabled: needed,
  }).data?.organizerIds ?? [];
