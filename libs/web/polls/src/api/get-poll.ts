import type { Poll } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { pollKeys } from './query-keys';

export const getPoll = (pollId: string): Promise<Poll> =>
  apiClient.get<Poll>(`/polls/${encodeURIComponent(pollId)}`);

export const getPollQueryOptions = (pollId: string) =>
  queryOptions({ queryKey: pollKeys.detail(pollId), queryFn: () => getPoll(pollId) });

export const usePoll = (pollId: string) => useQuery(getPollQueryOptions(pollId));
