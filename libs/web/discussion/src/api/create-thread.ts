import type { CreateThreadRequest, Thread } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { discussionKeys } from './query-keys';
import { upsertThread } from './room-event-cache';

export const createThread = (roomId: string, body: CreateThreadRequest): Promise<Thread> =>
  apiClient.post<Thread>(`/rooms/${encodeURIComponent(roomId)}/threads`, body);

export function useCreateThread(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateThreadRequest) => createThread(roomId, body),
    onSuccess: async (thread) => {
      const key = discussionKeys.threads(roomId);
      // A list requested before the thread existed would land after it and drop it: fetch it anew.
      const stale = queryClient.isFetching({ queryKey: key }) > 0;
      if (stale) await queryClient.cancelQueries({ queryKey: key });
      upsertThread(queryClient, thread);
      if (stale) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
