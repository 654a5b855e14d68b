import type { ModerationEntry } from '@helix/contract';
import { apiClient } from '@helix/web/data-access';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { moderationKeys } from './query-keys';

/** The room's moderator actions, newest first (moderators only). */
export const getModerationLog = (roomId: string): Promise<ModerationEntry[]> =>
  apiClient.get<ModerationEntry[]>(`/rooms/${encodeURIComponent(roomId)}/moderation-log`);

export const getModerationLogQueryOptions = (roomId: string) =>
  queryOptions({ queryKey: moderationKeys.log(roomId), queryFn: () => getModerationLog(roomId) });

export const useModerationLog = (roomId: string) => useQuery(getModerationLogQueryOptions(roomId));
