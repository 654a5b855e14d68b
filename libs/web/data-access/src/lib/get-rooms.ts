import type { Room } from '@helix/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from './api-client';

/** The forum's rooms, loaded once for every feature (the list, a room's page, initiatives, Q&A). */
export const roomsQueryKey = ['rooms', 'list'] as const;

export const getRooms = (): Promise<Room[]> => apiClient.get<Room[]>('/rooms');

export const getRoomsQueryOptions = () =>
  queryOptions({ queryKey: roomsQueryKey, queryFn: getRooms, staleTime: 10 * 60_000 });

export const useRooms = () => useQuery(getRoomsQueryOptions());

/** One room from the forum's list (a presenter's title, key questions and short link). */
export function useRoom(roomId: string) {
  const rooms = useRooms();
  return { ...rooms, room: rooms.data?.find((room) => room.id === roomId) };
}
