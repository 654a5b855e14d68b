import type { RoomSettings } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { qaKeys } from './query-keys';

/** Whether questions wait for review, and what the room's projector shows; `settings.updated` keeps it live. */
export const getRoomSettings = (roomId: string): Promise<RoomSettings> =>
  apiClient.get<RoomSettings>(`/rooms/${encodeURIComponent(roomId)}/settings`);

export const getRoomSettingsQueryOptions = (roomId: string) =>
  queryOptions({ queryKey: qaKeys.settings(roomId), queryFn: () => getRoomSettings(roomId) });

export const useRoomSettings = (roomId: string) => useQuery(getRoomSettingsQueryOptions(roomId));
