import { MESSAGE_PAGE_DEFAULT, type MessagePage } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { discussionKeys } from './query-keys';

export const getMessages = (params: {
  roomId: string;
  threadId: string;
  beforeSeq?: number;
  limit?: number;
}): Promise<MessagePage> =>
  apiClient.get<MessagePage>(`/rooms/${encodeURIComponent(params.roomId)}/messages`, {
    query: {
      threadId: params.threadId,
      beforeSeq: params.beforeSeq,
      limit: params.limit ?? MESSAGE_PAGE_DEFAULT,
    },
  });

/** Page 0 holds the newest messages; each next page is older. Live room events keep them current. */
export const getMessagesQueryOptions = (roomId: string, threadId: string) =>
  infiniteQueryOptions({
    queryKey: discussionKeys.messages(roomId, threadId),
    queryFn: ({ pageParam }) => getMessages({ roomId, threadId, beforeSeq: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) =>
      lastPage.hasMore && lastPage.items.length ? lastPage.items[0].seq : undefined,
    staleTime: Infinity,
  });

export const useMessages = (roomId: string, threadId: string) =>
  useInfiniteQuery(getMessagesQueryOptions(roomId, threadId));
