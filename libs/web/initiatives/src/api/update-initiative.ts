import type { Initiative, UpdateInitiativeRequest } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertInitiative } from './initiative-cache';
import { initiativeKeys } from './query-keys';

export const updateInitiative = (id: string, request: UpdateInitiativeRequest): Promise<Initiative> =>
  apiClient.patch<Initiative>(`/initiatives/${encodeURIComponent(id)}`, request);

/** Edits a draft (the proposer only). */
export function useUpdateInitiative(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateInitiativeRequest) => updateInitiative(id, request),
    onSuccess: (initiative) => {
      upsertInitiative(queryClient, initiative, 'answer');
      void queryClient.invalidateQueries({ queryKey: initiativeKeys.lists() });
    },
  });
}
