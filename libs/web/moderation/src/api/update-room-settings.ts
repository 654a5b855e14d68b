import type { RoomSettings, UpdateRoomSettingsRequest } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setRoomSettings } from './moderation-cache';

/** Moderators switch Q&A review or change what the projector shows; the room hears `settings.updated`. */
export const updateRoomSettings = (roomId: string, body: UpdateRoomSettingsRequest): Promise<RoomSettings> =>
  apiClient.patch<RoomSettings>(`/rooms/${encodeURIComponent(roomId)}/settings`, body);

export function useUpdateRoomSettings(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRoomSettingsRequest) => updateRoomSettings(roomId, body),
    onSuccess: (settings) => setRoomSettings(queryClient, settings),
  });
}
