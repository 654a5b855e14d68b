import type { Poll } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { pollKeys } from './query-keys';

/** A room's polls, newest first; drafts only for moderators. */
export const getRoomPolls = (roomId: string): Promise<Poll[]> =>
  apiClient.get<Poll[]>(`/rooms/${encodeURIComponent(roomId)}/polls`);

export const getRoomPollsQueryOptions = (roomId: string) =>
  queryOptions({ queryKey: pollKeys.list(roomId), queryFn: () => getRoomPolls(roomId) });

export const useRoomPolls = (roomId: string) => useQuery(getRoomPollsQueryOptions(roomId));
