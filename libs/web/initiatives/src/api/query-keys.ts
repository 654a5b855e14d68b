import type { ListInitiativesQuery } from '@helix/contract';

/** Query keys of the initiatives feature; `initiative.updated` events update exactly these. */
export const initiativeKeys = {
  all: () => ['initiatives'] as const,
  lists: () => ['initiatives', 'list'] as const,
  list: (filters: ListInitiativesQuery) => ['initiatives', 'list', filters] as const,
  details: () => ['initiatives', 'detail'] as const,
  detail: (id: string) => ['initiatives', 'detail', id] as const,
  history: (id: string) => ['initiatives', 'history', id] as const,
  consensusRule: () => ['initiatives', 'consensus-rule'] as const,
};
