import type { Thread } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { discussionKeys } from './query-keys';

export const getThreads = (roomId: string): Promise<Thread[]> =>
  apiClient.get<Thread[]>(`/rooms/${encodeURIComponent(roomId)}/threads`);

export const getThreadsQueryOptions = (roomId: string) =>
  queryOptions({ queryKey: discussionKeys.threads(roomId), queryFn: () => getThreads(roomId) });

export const useThreads = (roomId: string) => useQuery(getThreadsQueryOptions(roomId));

/** Pinned first, then the most recently active. */
export function sortThreads(threads: readonly Thread[]): Thread[] {
  return [...threads].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.lastActivityAt.localeCompare(a.lastActivityAt),
  );
}
