import type { Initiative } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertInitiative } from './initiative-cache';
import { initiativeKeys } from './query-keys';

export const closeVoting = (id: string): Promise<Initiative> =>
  apiClient.post<Initiative>(`/initiatives/${encodeURIComponent(id)}/voting/close`);

/** Closes voting now (moderators); the status becomes adopted or rejected. */
export function useCloseVoting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => closeVoting(id),
    onSuccess: (initiative) => {
      upsertInitiative(queryClient, initiative, 'answer');
      void queryClient.invalidateQueries({ queryKey: initiativeKeys.lists() });
    },
  });
}
