import type { Initiative, ListInitiativesQuery } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { initiativeKeys } from './query-keys';

export const getInitiatives = (filters: ListInitiativesQuery): Promise<Initiative[]> =>
  apiClient.get<Initiative[]>('/initiatives', { query: { ...filters } });

export const getInitiativesQueryOptions = (filters: ListInitiativesQuery) =>
  queryOptions({
    queryKey: initiativeKeys.list(filters),
    queryFn: () => getInitiatives(filters),
    staleTime: 10_000,
  });

/** Board lists refresh every 10 s while something on them is being voted on. */
export const useInitiatives = (filters: ListInitiativesQuery) =>
  useQuery({
    ...getInitiativesQueryOptions(filters),
    refetchInterval: (query) =>
      query.state.data?.some((initiative) => initiative.status === 'voting') ? 10_000 : false,
  });
