import type { OpenPollRequest, Poll } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertPoll } from './poll-cache';

/** Opens a draft for voting (moderators), with an optional countdown; the room hears of it as `poll.created`. */
export const openPoll = (pollId: string, request: OpenPollRequest = {}): Promise<Poll> =>
  apiClient.post<Poll>(`/polls/${encodeURIComponent(pollId)}/open`, request);

/** `closesInSeconds`: the countdown chosen now, taken when the moderator opens the poll. */
export function useOpenPoll(closesInSeconds?: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pollId: string) => openPoll(pollId, closesInSeconds ? { closesInSeconds } : {}),
    onSuccess: (poll) => upsertPoll(queryClient, poll, 'answer'),
  });
}
