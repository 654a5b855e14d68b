import type { ModerateQuestionRequest, Question } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertQuestion } from './question-cache';

/** Approve (also reopens an answered or dismissed question), mark answered, or dismiss with a reason. */
export const moderateQuestion = (questionId: string, body: ModerateQuestionRequest): Promise<Question> =>
  apiClient.patch<Question>(`/questions/${encodeURIComponent(questionId)}`, body);

export function useModerateQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ questionId, ...body }: ModerateQuestionRequest & { questionId: string }) =>
      moderateQuestion(questionId, body),
    onSuccess: (question) => upsertQuestion(queryClient, question, 'answer', { moderator: true }),
  });
}
