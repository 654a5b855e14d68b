import type { CreateInitiativeRequest, Initiative } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertInitiative } from './initiative-cache';
import { initiativeKeys } from './query-keys';

export const createInitiative = (request: CreateInitiativeRequest): Promise<Initiative> =>
  apiClient.post<Initiative>('/initiatives', request);

export function useCreateInitiative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInitiative,
    onSuccess: (initiative) => {
      upsertInitiative(queryClient, initiative, 'answer');
      void queryClient.invalidateQueries({ queryKey: initiativeKeys.lists() });
    },
  });
}
