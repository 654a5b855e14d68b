import type {
  Agenda,
  AgendaSession,
  CreateForumRequest,
  CreateRoomRequest,
  CreateSessionRequest,
  Forum,
  ForumStats,
  Organizer,
  Poll,
  PublicOutcome,
  Room,
  UpdateForumRequest,
  UpdateRoomRequest,
  UpdateSessionRequest,
} from '@helix/contract';
import { apiClient, roomsQueryKey } from '@helix/web/data-access';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

const id = encodeURIComponent;

export const forumKeys = {
  all: ['forums'] as const,
  list: () => ['forums', 'list'] as const,
  forum: (forumId: string) => ['forums', forumId] as const,
  rooms: (forumId: string) => ['forums', forumId, 'rooms'] as const,
  stats: (forumId: string) => ['forums', forumId, 'stats'] as const,
  agenda: (forumId: string) => ['forums', forumId, 'agenda'] as const,
  outcome: (slug: string) => ['forums', 'outcome', slug] as const,
  draftPolls: (roomId: string) => ['forums', 'draft-polls', roomId] as const,
};

export const useForums = () =>
  useQuery({ queryKey: forumKeys.list(), queryFn: () => apiClient.get<Forum[]>('/forums') });

export const useForum = (forumId: string) =>
  useQuery({
    queryKey: forumKeys.forum(forumId),
    queryFn: () => apiClient.get<Forum>(`/forums/${id(forumId)}`),
    enabled: !!forumId,
  });

/** The forum's rooms; organizers also see the archived ones. */
export const useForumRooms = (forumId: string, withArchived: boolean) =>
  useQuery({
    queryKey: [...forumKeys.rooms(forumId), withArchived],
    queryFn: () =>
      apiClient.get<Room[]>('/rooms', { query: { forumId, archived: withArchived ? 'true' : undefined } }),
  });

export const useOrganizers = (forumId: string) =>
  useQuery({
    queryKey: [...forumKeys.forum(forumId), 'organizers'],
    queryFn: () => apiClient.get<Organizer[]>(`/forums/${id(forumId)}/organizers`),
  });

export const useForumStats = (forumId: string) =>
  useQuery({
    queryKey: forumKeys.stats(forumId),
    queryFn: () => apiClient.get<ForumStats>(`/forums/${id(forumId)}/stats`),
  });

/** The agenda, asked again every half minute so that "now" and "next" move on by themselves. */
export const useAgenda = (forumId: string) =>
  useQuery({
    queryKey: forumKeys.agenda(forumId),
    queryFn: () => apiClient.get<Agenda>(`/forums/${id(forumId)}/agenda`),
    refetchInterval: 30_000,
  });

/** A room's sessions, asked again every half minute: the server's clock starts and ends them. */
export const useRoomSessions = (roomId: string) =>
  useQuery({
    queryKey: ['rooms', roomId, 'sessions'],
    queryFn: () => apiClient.get<AgendaSession[]>(`/rooms/${id(roomId)}/sessions`),
    refetchInterval: 30_000,
  });

/** A room's prepared polls, which a session may open at its start. */
export const useDraftPolls = (roomId: string) =>
  useQuery({
    queryKey: forumKeys.draftPolls(roomId),
    queryFn: async () =>
      (await apiClient.get<Poll[]>(`/rooms/${id(roomId)}/polls`)).filter((poll) => poll.status === 'draft'),
    enabled: !!roomId,
  });

/** Read without an account: no token is needed, and none is refreshed. */
export const usePublicOutcome = (slug: string, language: string) =>
  useQuery({
    queryKey: [...forumKeys.outcome(slug), language],
    queryFn: () => apiClient.get<PublicOutcome>(`/public/forums/${id(slug)}/outcome`),
    retry: false,
  });

export const joinForum = (code: string): Promise<Forum> =>
  apiClient.get<Forum>('/forums/join', { query: { code } });

/** After any change an organizer makes, what they look at and the rooms everyone lists load anew. */
function useForumMutation<TBody, TResult>(request: (body: TBody) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: forumKeys.all }),
        queryClient.invalidateQueries({ queryKey: roomsQueryKey }),
      ]);
    },
  });
}

export const useCreateForum = () =>
  useForumMutation((body: CreateForumRequest) => apiClient.post<Forum>('/forums', body));

export const useUpdateForum = (forumId: string) =>
  useForumMutation((body: UpdateForumRequest) => apiClient.patch<Forum>(`/forums/${id(forumId)}`, body));

export const useForumLifecycle = (forumId: string) =>
  useForumMutation((step: 'open' | 'close') => apiClient.post<Forum>(`/forums/${id(forumId)}/${step}`));

export const useCreateRoom = (forumId: string) =>
  useForumMutation((body: CreateRoomRequest) => apiClient.post<Room>(`/forums/${id(forumId)}/rooms`, body));

export const useUpdateRoom = () =>
  useForumMutation(({ roomId, ...body }: UpdateRoomRequest & { roomId: string }) =>
    apiClient.patch<Room>(`/rooms/${id(roomId)}`, body),
  );

export const useReorderRooms = (forumId: string) =>
  useForumMutation((roomIds: string[]) =>
    apiClient.put<Room[]>(`/forums/${id(forumId)}/rooms/order`, { roomIds }),
  );

export const useCreateSession = () =>
  useForumMutation(({ roomId, ...body }: CreateSessionRequest & { roomId: string }) =>
    apiClient.post<AgendaSession>(`/rooms/${id(roomId)}/sessions`, body),
  );

export const useUpdateSession = () =>
  useForumMutation(({ sessionId, ...body }: UpdateSessionRequest & { sessionId: string }) =>
    apiClient.patch<AgendaSession>(`/sessions/${id(sessionId)}`, body),
  );

/** Makes someone an organizer by the email of their account, or takes the role back. */
export const useAddOrganizer = (forumId: string) =>
  useForumMutation((email: string) => apiClient.put<Forum>(`/forums/${id(forumId)}/organizers`, { email }));

export const useRemoveOrganizer = (forumId: string) =>
  useForumMutation((userId: string) =>
    apiClient.delete<Forum>(`/forums/${id(forumId)}/organizers/${id(userId)}`),
  );
