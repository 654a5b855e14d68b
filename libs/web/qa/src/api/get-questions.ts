import type { ListQuestionsQuery, Question } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { qaKeys } from './query-keys';

/** A room's questions as the caller may see them: moderators get all, with authors. */
export const getQuestions = (roomId: string, query: ListQuestionsQuery = {}): Promise<Question[]> =>
  apiClient.get<Question[]>(`/rooms/${encodeURIComponent(roomId)}/questions`, { query });

export const getQuestionsQueryOptions = (roomId: string) =>
  queryOptions({ queryKey: qaKeys.questions(roomId), queryFn: () => getQuestions(roomId) });

export const useQuestions = (roomId: string) => useQuery(getQuestionsQueryOptions(roomId));
