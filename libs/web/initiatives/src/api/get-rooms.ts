import type { Room } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { initiativeKeys } from './query-keys';

export const getRooms = (): Promise<Room[]> => apiClient.get<Room[]>('/rooms');

export const getRoomsQueryOptions = () =>
  queryOptions({ queryKey: initiativeKeys.rooms(), queryFn: getRooms, staleTime: 10 * 60_000 });

/** The forum's rooms, to pick an initiative's room and to filter the board. */
export const useRooms = () => useQuery(getRoomsQueryOptions());
