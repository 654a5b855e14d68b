import type { Initiative } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertInitiative } from './initiative-cache';

export type PartnershipAnswer = 'accept' | 'decline';

export const answerPartnership = (id: string, answer: PartnershipAnswer): Promise<Initiative> =>
  apiClient.post<Initiative>(`/initiatives/${encodeURIComponent(id)}/partners/${answer}`);

/** Accepts or declines, for the signed-in person's own organisation, its invitation to partner. */
export function useAnswerPartnership(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: PartnershipAnswer) => answerPartnership(id, answer),
    onSuccess: (initiative) => upsertInitiative(queryClient, initiative, 'answer'),
  });
}
