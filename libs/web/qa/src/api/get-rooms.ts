import type { Room } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { qaKeys } from './query-keys';

export const getRooms = (): Promise<Room[]> => apiClient.get<Room[]>('/rooms');

export const getRoomsQueryOptions = () =>
  queryOptions({ queryKey: qaKeys.rooms(), queryFn: getRooms, staleTime: 10 * 60_000 });

/** One room from the forum's list (the presenter's title, key questions and short link). */
export const useRoom = (roomId: string) => {
  const rooms = useQuery(getRoomsQueryOptions());
  return { ...rooms, room: rooms.data?.find((room) => room.id === roomId) };
};
