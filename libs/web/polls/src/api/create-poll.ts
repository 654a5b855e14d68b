import type { CreatePollRequest, Poll } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertPoll } from './poll-cache';

/** Drafts a poll (moderators); nobody else sees it until it opens. */
export const createPoll = (roomId: string, body: CreatePollRequest): Promise<Poll> =>
  apiClient.post<Poll>(`/rooms/${encodeURIComponent(roomId)}/polls`, body);

export function useCreatePoll(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePollRequest) => createPoll(roomId, body),
    onSuccess: (poll) => upsertPoll(queryClient, poll, 'answer'),
  });
}
