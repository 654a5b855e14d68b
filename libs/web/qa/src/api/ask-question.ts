import type { AskQuestionRequest, Question } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertQuestion } from './question-cache';
import { qaKeys } from './query-keys';

/** 201 with the new question; the same `clientId` again returns the stored one (200). */
export const askQuestion = (roomId: string, body: AskQuestionRequest): Promise<Question> =>
  apiClient.post<Question>(`/rooms/${encodeURIComponent(roomId)}/questions`, body);

export function useAskQuestion(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AskQuestionRequest) => askQuestion(roomId, body),
    onSuccess: async (question) => {
      const key = qaKeys.questions(roomId);
      // A list requested before the question existed would land after it and drop it: fetch it anew.
      const stale = queryClient.isFetching({ queryKey: key }) > 0;
      if (stale) await queryClient.cancelQueries({ queryKey: key });
      // The asker always sees their own question, published or waiting.
      upsertQuestion(queryClient, question, 'answer', { moderator: true });
      if (stale) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
