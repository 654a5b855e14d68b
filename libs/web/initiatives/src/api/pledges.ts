import type { CreatePledgeRequest, Initiative, Pledge, PledgeProgressRequest } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertInitiative } from './initiative-cache';
import { initiativeKeys } from './query-keys';

const pledgesPath = (initiativeId: string) => `/initiatives/${encodeURIComponent(initiativeId)}/pledges`;

/** Records what the caller's partner organisation commits; the initiative is read again to show it. */
export function useCreatePledge(initiativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreatePledgeRequest) => apiClient.post<Pledge>(pledgesPath(initiativeId), request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: initiativeKeys.detail(initiativeId) }),
  });
}

/** Reports progress on one pledge. */
export function usePledgeProgress(initiativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pledgeId, ...request }: PledgeProgressRequest & { pledgeId: string }) =>
      apiClient.post<Initiative>(
        `${pledgesPath(initiativeId)}/${encodeURIComponent(pledgeId)}/progress`,
        request,
      ),
    onSuccess: (initiative) => upsertInitiative(queryClient, initiative, 'answer'),
  });
}
