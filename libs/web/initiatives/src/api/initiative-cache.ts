import type { Initiative, ListInitiativesQuery, RoomEvent } from '@helix/contract';
import type { QueryClient } from '@tanstack/react-query';
import { initiativeKeys } from './query-keys';

/**
 * Where the new version came from: an `answer` to this viewer's own request carries their `myVote`;
 * an `event` is the same for everyone and carries none, so the cached one is kept.
 */
export type InitiativeSource = 'answer' | 'event';

function merge(next: Initiative, previous: Initiative | undefined, source: InitiativeSource): Initiative {
  return source === 'event' ? { ...next, myVote: previous?.myVote ?? null } : next;
}

function matches(initiative: Initiative, filters: ListInitiativesQuery): boolean {
  // A withdrawn draft is on no list, whatever the filters.
  if (initiative.status === 'withdrawn') return false;
  if (filters.status && initiative.status !== filters.status) return false;
  if (filters.roomId && initiative.roomId !== filters.roomId) return false;
  if (
    filters.group &&
    !initiative.partners.some(
      (partner) => partner.status === 'confirmed' && partner.stakeholderGroup === filters.group,
    )
  )
    return false;
  return true;
}

/** Puts a newer version of an initiative into its detail and into every loaded board list. */
export function upsertInitiative(
  queryClient: QueryClient,
  initiative: Initiative,
  source: InitiativeSource,
): void {
  const detailKey = initiativeKeys.detail(initiative.id);
  const cached = queryClient.getQueryData<Initiative>(detailKey);
  // An event cannot tell this viewer's own vote: without a cached copy to keep it from, fetch instead.
  if (source === 'answer' || cached)
    queryClient.setQueryData<Initiative>(detailKey, merge(initiative, cached, source));

  let stale = false;
  for (const [key, list] of queryClient.getQueriesData<Initiative[]>({ queryKey: initiativeKeys.lists() })) {
    if (!list) continue;
    const filters = (key[2] ?? {}) as ListInitiativesQuery;
    const index = list.findIndex((item) => item.id === initiative.id);
    const belongs = matches(initiative, filters);
    if (index < 0) {
      if (belongs) stale = true;
      continue;
    }
    if (!belongs) {
      queryClient.setQueryData<Initiative[]>(
        key,
        list.filter((item) => item.id !== initiative.id),
      );
      continue;
    }
    const next = [...list];
    next[index] = merge(initiative, list[index], source);
    queryClient.setQueryData<Initiative[]>(key, next);
  }
  // A list that should now show it (new, or a status that moved into its filter) reloads in order.
  if (stale) void queryClient.invalidateQueries({ queryKey: initiativeKeys.lists() });
}

/** Applies one room event to the initiatives cache; other event types are ignored. */
export function applyInitiativeEvent(queryClient: QueryClient, event: RoomEvent): void {
  if (event.type !== 'initiative.updated') return;
  upsertInitiative(queryClient, (event as RoomEvent<'initiative.updated'>).payload, 'event');
}
