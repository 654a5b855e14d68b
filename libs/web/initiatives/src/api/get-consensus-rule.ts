import type { ConsensusRuleSettings } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { initiativeKeys } from './query-keys';

export const getConsensusRule = (): Promise<ConsensusRuleSettings> =>
  apiClient.get<ConsensusRuleSettings>('/consensus-rule');

export const getConsensusRuleQueryOptions = () =>
  queryOptions({ queryKey: initiativeKeys.consensusRule(), queryFn: getConsensusRule, staleTime: 30_000 });

/** The forum's minimum consensus rule: voting opens with it or a stricter one. */
export const useConsensusRule = () => useQuery(getConsensusRuleQueryOptions());
