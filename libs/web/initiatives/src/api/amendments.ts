import type { Amendment, AnswerAmendmentRequest, CreateAmendmentRequest, Initiative } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertInitiative } from './initiative-cache';
import { initiativeKeys } from './query-keys';

export type AmendmentAnswer = 'accept' | 'decline';

const amendmentsPath = (initiativeId: string) =>
  `/initiatives/${encodeURIComponent(initiativeId)}/amendments`;

export const proposeAmendment = (initiativeId: string, request: CreateAmendmentRequest): Promise<Amendment> =>
  apiClient.post<Amendment>(amendmentsPath(initiativeId), request);

export const answerAmendment = (
  initiativeId: string,
  amendmentId: string,
  answer: AmendmentAnswer,
  request: AnswerAmendmentRequest,
): Promise<Initiative> =>
  apiClient.post<Initiative>(
    `${amendmentsPath(initiativeId)}/${encodeURIComponent(amendmentId)}/${answer}`,
    request,
  );

/** Proposes an amendment; the initiative is read again to show it (its diff is worked out by the API). */
export function useProposeAmendment(initiativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateAmendmentRequest) => proposeAmendment(initiativeId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: initiativeKeys.detail(initiativeId) }),
  });
}

/** The initiative's proposer accepts or declines an amendment, with a reason. */
export function useAnswerAmendment(initiativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      amendmentId,
      answer,
      reason,
    }: {
      amendmentId: string;
      answer: AmendmentAnswer;
      reason: string;
    }) => answerAmendment(initiativeId, amendmentId, answer, { reason }),
    onSuccess: (initiative) => upsertInitiative(queryClient, initiative, 'answer'),
  });
}
