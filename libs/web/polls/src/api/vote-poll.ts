import type { BallotRequest, Poll } from '@helix/contract';
import { ApiError, apiClient, getSocket, socketRequest } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { setMyVote, upsertPoll } from './poll-cache';

async function sendBallot(pollId: string, ballot: BallotRequest): Promise<Poll> {
  if (getSocket().connected) {
    try {
      return (await socketRequest('poll:vote', { pollId, ...ballot })).poll;
    } catch (error) {
      // A ballot replaces the earlier one, so sending it again over HTTP is safe.
      if (!(error instanceof ApiError && error.status === 0)) throw error;
    }
  }
  return apiClient.post<Poll>(`/polls/${encodeURIComponent(pollId)}/votes`, ballot);
}

const inFlight = new Map<string, Promise<unknown>>();

/**
 * Casts or replaces the caller's ballot: over the live socket when it is up, else over HTTP.
 * Votes on one poll go one after another, so quick taps land on the server in the order they were made.
 */
export function votePoll(pollId: string, ballot: BallotRequest): Promise<Poll> {
  const previous = inFlight.get(pollId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => sendBallot(pollId, ballot));
  inFlight.set(pollId, next);
  void next
    .catch(() => undefined)
    .then(() => {
      if (inFlight.get(pollId) === next) inFlight.delete(pollId);
    });
  return next;
}

export function useVotePoll(poll: Pick<Poll, 'id' | 'roomId' | 'myVote'>) {
  const queryClient = useQueryClient();
  // Taps can overlap: the newest choice is what the caller sees; the last one the server took is
  // what a failure goes back to.
  const pending = useRef(0);
  const confirmed = useRef<string[] | null>(null);
  const latest = useRef<string[] | null>(null);
  return useMutation({
    mutationFn: (optionIds: string[]) => votePoll(poll.id, { optionIds }),
    onMutate: (optionIds) => {
      if (pending.current === 0) confirmed.current = poll.myVote;
      pending.current += 1;
      latest.current = optionIds;
      // The choice shows as yours at once; the counts follow with the answer and the room's events.
      setMyVote(queryClient, poll, optionIds);
    },
    onSuccess: (answer, optionIds) => {
      confirmed.current = optionIds;
      upsertPoll(queryClient, { ...answer, myVote: latest.current ?? optionIds }, 'answer');
    },
    onError: (_error, optionIds) => {
      if (latest.current !== optionIds) return;
      latest.current = confirmed.current;
      setMyVote(queryClient, poll, confirmed.current);
    },
    onSettled: () => {
      pending.current -= 1;
    },
  });
}

/**
 * Sends a word-cloud, ranking or rating ballot. Unlike a tap on a choice, these are sent with a button (or a
 * score at a time), so the answer, not a guess, updates what the caller sees.
 */
export function useCastBallot(poll: Pick<Poll, 'id'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ballot: BallotRequest) => votePoll(poll.id, ballot),
    onSuccess: (answer) => upsertPoll(queryClient, answer, 'answer'),
  });
}
