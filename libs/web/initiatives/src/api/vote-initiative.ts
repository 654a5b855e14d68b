import type { Initiative, InitiativeVoteRequest } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertInitiative } from './initiative-cache';
import { initiativeKeys } from './query-keys';

export const voteInitiative = (id: string, request: InitiativeVoteRequest): Promise<Initiative> =>
  apiClient.put<Initiative>(`/initiatives/${encodeURIComponent(id)}/vote`, request);

/** Casts or changes the caller's vote; the answer is the only source of `myVote` (events carry none). */
export function useVoteInitiative(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: InitiativeVoteRequest) => voteInitiative(id, request),
    onSuccess: (initiative) => {
      upsertInitiative(queryClient, initiative, 'answer');
      void queryClient.invalidateQueries({ queryKey: initiativeKeys.history(id) });
    },
  });
}
