import {
  MENTION_PAGE_DEFAULT,
  type Mentionable,
  type MentionPage,
  type RoomUnread,
  type UnreadSummary,
} from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';

export const mentionKeys = {
  all: ['mentions'] as const,
  list: () => ['mentions', 'list'] as const,
  unread: () => ['mentions', 'unread'] as const,
  mentionable: (roomId: string, q: string) => ['mentions', 'mentionable', roomId, q] as const,
};

export const useMentionable = (roomId: string, q: string | null) =>
  useQuery({
    queryKey: mentionKeys.mentionable(roomId, q ?? ''),
    queryFn: () =>
      apiClient.get<Mentionable>(`/rooms/${encodeURIComponent(roomId)}/mentionable`, {
        query: { q: q ?? '' },
      }),
    enabled: q !== null,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

/** Unread counts per room; fetched again whenever the window comes back into focus. */
export const useUnreadSummary = () =>
  useQuery({
    queryKey: mentionKeys.unread(),
    queryFn: () => apiClient.get<UnreadSummary>('/me/unread'),
    staleTime: 5_000,
    refetchOnWindowFocus: 'always',
  });

export const useMentionPages = () =>
  useInfiniteQuery({
    queryKey: mentionKeys.list(),
    queryFn: ({ pageParam }) =>
      apiClient.get<MentionPage>('/me/mentions', {
        query: { before: pageParam, limit: MENTION_PAGE_DEFAULT },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.items.at(-1)?.id : undefined),
  });

/** The reader saw the room up to `seq`: the server's answer replaces that room's counts. */
export async function markRoomRead(queryClient: QueryClient, roomId: string, seq: number): Promise<void> {
  const counts = await apiClient.put<RoomUnread>(`/rooms/${encodeURIComponent(roomId)}/read`, { seq });
  queryClient.setQueryData<UnreadSummary>(
    mentionKeys.unread(),
    (summary) => summary && withRoom(summary, counts),
  );
  void queryClient.invalidateQueries({ queryKey: mentionKeys.list() });
}

/** The summary with one room's counts changed by `change` (new counts, or a function of the old). */
export function withRoom(
  summary: UnreadSummary,
  counts: RoomUnread | ((room: RoomUnread) => RoomUnread),
  roomId = typeof counts === 'function' ? '' : counts.roomId,
): UnreadSummary {
  const known = summary.rooms.some((room) => room.roomId === roomId);
  const base = known ? summary.rooms : [...summary.rooms, { roomId, unread: 0, mentions: 0 }];
  const rooms = base.map((room) =>
    room.roomId !== roomId ? room : typeof counts === 'function' ? counts(room) : counts,
  );
  return { rooms, mentions: rooms.reduce((sum, room) => sum + room.mentions, 0) };
}
