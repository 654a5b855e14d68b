import type { ConsensusRuleSettings, UpdateConsensusRuleRequest } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { initiativeKeys } from './query-keys';

export const updateConsensusRule = (request: UpdateConsensusRuleRequest): Promise<ConsensusRuleSettings> =>
  apiClient.patch<ConsensusRuleSettings>('/consensus-rule', request);

/** Sets the forum's minimum rule (moderators); drafts show it at once, so they are read again. */
export function useUpdateConsensusRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateConsensusRule,
    onSuccess: (settings) => {
      queryClient.setQueryData(initiativeKeys.consensusRule(), settings);
      void queryClient.invalidateQueries({ queryKey: initiativeKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: initiativeKeys.details() });
    },
  });
}
