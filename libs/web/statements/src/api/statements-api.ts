import type {
  ModerateStatementRequest,
  NextStatement,
  Statement,
  StatementResults,
  StatementVote,
  SubmitStatementRequest,
} from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** The server recomputes results at most every 2 s; asking more often would only fetch the same answer. */
export const RESULTS_POLL_MS = 3_000;

const room = (roomId: string) => `/rooms/${encodeURIComponent(roomId)}`;

/** Under the room's key, so a room reload (a fresh join) refreshes them. */
export const statementKeys = {
  all: (roomId: string) => ['rooms', roomId, 'statements'] as const,
  list: (roomId: string) => ['rooms', roomId, 'statements', 'list'] as const,
  next: (roomId: string) => ['rooms', roomId, 'statements', 'next'] as const,
  results: (roomId: string) => ['rooms', roomId, 'statements', 'results'] as const,
};

export const useStatements = (roomId: string) =>
  useQuery({
    queryKey: statementKeys.list(roomId),
    queryFn: () => apiClient.get<Statement[]>(`${room(roomId)}/statements`),
  });

export const useNextStatement = (roomId: string) =>
  useQuery({
    queryKey: statementKeys.next(roomId),
    queryFn: () => apiClient.get<NextStatement>(`${room(roomId)}/statements/next`),
  });

export const useStatementResults = (roomId: string) =>
  useQuery({
    queryKey: statementKeys.results(roomId),
    queryFn: () => apiClient.get<StatementResults>(`${room(roomId)}/statements/results`),
    refetchInterval: RESULTS_POLL_MS,
  });

/** After any change, the room's statement queries are fetched again: the next card, the queue, the results. */
function useStatementMutation<V>(roomId: string, mutationFn: (variables: V) => Promise<Statement>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statementKeys.all(roomId) }),
  });
}

export const useVoteOnStatement = (roomId: string) =>
  useStatementMutation(roomId, ({ statementId, vote }: { statementId: string; vote: StatementVote }) =>
    apiClient.post<Statement>(`/statements/${encodeURIComponent(statementId)}/votes`, { vote }),
  );

export const useSubmitStatement = (roomId: string) =>
  useStatementMutation(roomId, (body: SubmitStatementRequest) =>
    apiClient.post<Statement>(`${room(roomId)}/statements`, body),
  );

export const useModerateStatement = (roomId: string) =>
  useStatementMutation(
    roomId,
    ({ statementId, ...body }: ModerateStatementRequest & { statementId: string }) =>
      apiClient.patch<Statement>(`/statements/${encodeURIComponent(statementId)}`, body),
  );
