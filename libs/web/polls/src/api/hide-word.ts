import type { HideWordRequest, Poll } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertPoll } from './poll-cache';

/** Hides a word-cloud answer from every result, or shows it again (moderators). */
export function useHideWord(pollId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: HideWordRequest) =>
      apiClient.post<Poll>(`/polls/${encodeURIComponent(pollId)}/hidden-words`, request),
    onSuccess: (poll) => upsertPoll(queryClient, poll, 'answer'),
  });
}
