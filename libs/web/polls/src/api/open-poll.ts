import type { Poll } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertPoll } from './poll-cache';

/** Opens a draft for voting (moderators); the room hears of it as `poll.created`. */
export const openPoll = (pollId: string): Promise<Poll> =>
  apiClient.post<Poll>(`/polls/${encodeURIComponent(pollId)}/open`);

export function useOpenPoll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openPoll,
    onSuccess: (poll) => upsertPoll(queryClient, poll, 'answer'),
  });
}
