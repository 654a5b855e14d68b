import type { Question } from '@helix/contract';
import { ApiError, apiClient, isModerator, useCurrentUser } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { questionEventCount, updateCachedQuestion, upsertQuestion, withMyUpvote } from './question-cache';
import { qaKeys } from './query-keys';

/** PUT adds the caller's upvote, DELETE takes it back; both answer with the question (409 unless approved). */
export const upvoteQuestion = (questionId: string, upvoted: boolean): Promise<Question> => {
  const path = `/questions/${encodeURIComponent(questionId)}/upvote`;
  return upvoted ? apiClient.put<Question>(path) : apiClient.delete<Question>(path);
};

const inFlight = new Map<string, Promise<unknown>>();

/** Taps on one question go one after another, so the server ends where the last tap left it. */
function queued(questionId: string, upvoted: boolean): Promise<Question> {
  const previous = inFlight.get(questionId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => upvoteQuestion(questionId, upvoted));
  inFlight.set(questionId, next);
  void next
    .catch(() => undefined)
    .then(() => {
      if (inFlight.get(questionId) === next) inFlight.delete(questionId);
    });
  return next;
}

/** The upvote toggle: shown at once, counted by the server, rolled back if it refuses. */
export function useUpvoteQuestion(question: Pick<Question, 'id' | 'roomId' | 'upvotedByMe'>) {
  const queryClient = useQueryClient();
  const { data: user } = useCurrentUser();
  const pending = useRef(0);
  const confirmed = useRef(question.upvotedByMe);
  const latest = useRef(question.upvotedByMe);
  return useMutation({
    mutationFn: (upvoted: boolean) => queued(question.id, upvoted),
    onMutate: (upvoted) => {
      if (pending.current === 0) confirmed.current = question.upvotedByMe;
      pending.current += 1;
      latest.current = upvoted;
      updateCachedQuestion(queryClient, question, (item) => withMyUpvote(item, upvoted));
      return { events: questionEventCount(question.id) };
    },
    onSuccess: (answer, upvoted, context) => {
      confirmed.current = upvoted;
      // Later taps are still on their way, or room events already carried newer counts: keep those.
      if (pending.current > 1 || questionEventCount(answer.id) !== context.events) return;
      upsertQuestion(queryClient, answer, 'answer', { moderator: isModerator(user) });
    },
    onError: (error, upvoted) => {
      if (error instanceof ApiError && error.status === 409) {
        // The question was answered or taken down meanwhile: show it as it is now.
        void queryClient.invalidateQueries({ queryKey: qaKeys.questions(question.roomId) });
      }
      if (latest.current !== upvoted) return;
      latest.current = confirmed.current;
      updateCachedQuestion(queryClient, question, (item) => withMyUpvote(item, confirmed.current));
    },
    onSettled: () => {
      pending.current -= 1;
    },
  });
}
