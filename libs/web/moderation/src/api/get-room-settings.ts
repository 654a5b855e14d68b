import type { RoomSettings } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { moderationKeys } from './query-keys';

/** Whether audience questions wait for review, and what the room's projector shows. */
export const getRoomSettings = (roomId: string): Promise<RoomSettings> =>
  apiClient.get<RoomSettings>(`/rooms/${encodeURIComponent(roomId)}/settings`);

export const getRoomSettingsQueryOptions = (roomId: string) =>
  queryOptions({ queryKey: moderationKeys.settings(roomId), queryFn: () => getRoomSettings(roomId) });

/** Live while `useModerationLive` runs for the room (`settings.updated`). */
export const useRoomSettings = (roomId: string) => useQuery(getRoomSettingsQueryOptions(roomId));
