import type { AskQuestionRequest, Question } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertQuestion } from './question-cache';

/** 201 with the new question; the same `clientId` again returns the stored one (200). */
export const askQuestion = (roomId: string, body: AskQuestionRequest): Promise<Question> =>
  apiClient.post<Question>(`/rooms/${encodeURIComponent(roomId)}/questions`, body);

export function useAskQuestion(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AskQuestionRequest) => askQuestion(roomId, body),
    // The asker always sees their own question, published or waiting.
    onSuccess: (question) => upsertQuestion(queryClient, question, 'answer', { moderator: true }),
  });
}
