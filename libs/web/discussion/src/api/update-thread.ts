import type { Thread, UpdateThreadRequest } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertThread } from './room-event-cache';

/** Moderators pin or lock a thread (an addition to the v1 contract). */
export const updateThread = (roomId: string, threadId: string, body: UpdateThreadRequest): Promise<Thread> =>
  apiClient.patch<Thread>(
    `/rooms/${encodeURIComponent(roomId)}/threads/${encodeURIComponent(threadId)}`,
    body,
  );

export function useUpdateThread(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ threadId, ...body }: UpdateThreadRequest & { threadId: string }) =>
      updateThread(roomId, threadId, body),
    onSuccess: (thread) => upsertThread(queryClient, thread),
  });
}
