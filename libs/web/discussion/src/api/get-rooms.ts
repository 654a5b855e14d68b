import type { Room } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { discussionKeys } from './query-keys';

export const getRooms = (): Promise<Room[]> => apiClient.get<Room[]>('/rooms');

export const getRoomsQueryOptions = () =>
  queryOptions({ queryKey: discussionKeys.rooms(), queryFn: getRooms, staleTime: 10 * 60_000 });

export const useRooms = () => useQuery(getRoomsQueryOptions());
