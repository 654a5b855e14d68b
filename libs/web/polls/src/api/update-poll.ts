import type { Poll, UpdatePollRequest } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertPoll } from './poll-cache';

/** Edits a draft (moderators); 409 once it has opened. */
export const updatePoll = (pollId: string, body: UpdatePollRequest): Promise<Poll> =>
  apiClient.patch<Poll>(`/polls/${encodeURIComponent(pollId)}`, body);

export function useUpdatePoll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pollId, ...body }: UpdatePollRequest & { pollId: string }) => updatePoll(pollId, body),
    onSuccess: (poll) => upsertPoll(queryClient, poll, 'answer'),
  });
}
