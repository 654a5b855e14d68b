import type { Poll } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertPoll } from './poll-cache';

/** Ends voting (moderators); the final results reach the room as `poll.updated`. */
export const closePoll = (pollId: string): Promise<Poll> =>
  apiClient.post<Poll>(`/polls/${encodeURIComponent(pollId)}/close`);

export function useClosePoll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closePoll,
    onSuccess: (poll) => upsertPoll(queryClient, poll, 'answer'),
  });
}
