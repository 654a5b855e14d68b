import type { CreateThreadRequest, Thread } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertThread } from './room-event-cache';

export const createThread = (roomId: string, body: CreateThreadRequest): Promise<Thread> =>
  apiClient.post<Thread>(`/rooms/${encodeURIComponent(roomId)}/threads`, body);

export function useCreateThread(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateThreadRequest) => createThread(roomId, body),
    onSuccess: (thread) => upsertThread(queryClient, thread),
  });
}
