import type { VoteHistoryEntry } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { initiativeKeys } from './query-keys';

export const getVoteHistory = (id: string): Promise<VoteHistoryEntry[]> =>
  apiClient.get<VoteHistoryEntry[]>(`/initiatives/${encodeURIComponent(id)}/votes/history`);

export const getVoteHistoryQueryOptions = (id: string) =>
  queryOptions({ queryKey: initiativeKeys.history(id), queryFn: () => getVoteHistory(id), staleTime: 0 });

/** Every vote cast and changed (moderators); loaded only once the panel is opened. */
export const useVoteHistory = (id: string, enabled: boolean) =>
  useQuery({ ...getVoteHistoryQueryOptions(id), enabled });
