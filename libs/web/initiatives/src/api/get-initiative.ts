import type { Initiative } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { initiativeKeys } from './query-keys';

export const getInitiative = (id: string): Promise<Initiative> =>
  apiClient.get<Initiative>(`/initiatives/${encodeURIComponent(id)}`);

export const getInitiativeQueryOptions = (id: string) =>
  queryOptions({ queryKey: initiativeKeys.detail(id), queryFn: () => getInitiative(id) });

/** One initiative; `pollEvery` says, from what is loaded, how often to poll (false: room events keep it live). */
export const useInitiative = (
  id: string,
  pollEvery: (initiative: Initiative | undefined) => number | false,
) => useQuery({ ...getInitiativeQueryOptions(id), refetchInterval: (query) => pollEvery(query.state.data) });
