import type { SearchResults } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

/** Where to search: one room, or the whole forum (its rooms, and the initiatives of the whole forum). */
export type SearchScope = { roomId: string } | { forumId: string };

const scopePath = (scope: SearchScope): string =>
  'roomId' in scope
    ? `/rooms/${encodeURIComponent(scope.roomId)}/search`
    : `/forums/${encodeURIComponent(scope.forumId)}/search`;

export const search = (scope: SearchScope, q: string, limit: number): Promise<SearchResults> =>
  apiClient.get<SearchResults>(scopePath(scope), { query: { q, limit } });

/** Results for the (debounced) query; the previous results stay on screen while the next ones load. */
export function useSearch(scope: SearchScope, q: string, limit = 30) {
  const query = q.trim();
  return useQuery({
    queryKey: ['search', scope, query, limit] as const,
    queryFn: () => search(scope, query, limit),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
