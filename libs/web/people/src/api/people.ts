import type {
  GroupChange,
  OutboxMessage,
  PeoplePage,
  PeopleQuery,
  Person,
  PersonSession,
  Role,
} from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

const peopleKey = ['people'] as const;

export function usePeople(query: Pick<PeopleQuery, 'q' | 'organization' | 'group' | 'role'>) {
  return useQuery({
    queryKey: [...peopleKey, query],
    queryFn: () => apiClient.get<PeoplePage>('/people', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useSetRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: { id: string; roles: Role[]; moderatedRoomIds?: string[] }) =>
      apiClient.patch<Person>(`/people/${id}/roles`, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function usePersonSessions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...peopleKey, id, 'sessions'],
    queryFn: () => apiClient.get<PersonSession[]>(`/people/${id}/sessions`),
    enabled,
  });
}

export function useEndSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete<void>(`/people/${id}/sessions`),
    onSuccess: (_result, id) => queryClient.invalidateQueries({ queryKey: [...peopleKey, id, 'sessions'] }),
  });
}

export function useOutbox() {
  return useQuery({ queryKey: ['outbox'], queryFn: () => apiClient.get<OutboxMessage[]>('/admin/outbox') });
}

const groupChangesKey = [...peopleKey, 'group-changes'] as const;

/** Waiting group change requests; only admins and forum organizers may see them (others get 403). */
export function usePendingGroupChanges() {
  return useQuery({
    queryKey: groupChangesKey,
    queryFn: () => apiClient.get<GroupChange[]>('/people/group-changes'),
    retry: false,
  });
}

export function useDecideGroupChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'decline' }) =>
      apiClient.post<GroupChange>(`/people/group-changes/${id}/${decision}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}
