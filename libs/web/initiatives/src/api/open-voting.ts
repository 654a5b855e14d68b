import type { Initiative, OpenVotingRequest } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertInitiative } from './initiative-cache';
import { initiativeKeys } from './query-keys';

export const openVoting = (id: string, request: OpenVotingRequest): Promise<Initiative> =>
  apiClient.post<Initiative>(`/initiatives/${encodeURIComponent(id)}/voting/open`, request);

/** Opens consensus voting (the proposer or a moderator). */
export function useOpenVoting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: OpenVotingRequest) => openVoting(id, request),
    onSuccess: (initiative) => {
      upsertInitiative(queryClient, initiative, 'answer');
      void queryClient.invalidateQueries({ queryKey: initiativeKeys.lists() });
    },
  });
}
