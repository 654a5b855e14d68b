import type { RoomActivity, UnreadSummary } from '@helix/contract';
import { getSocket, socketRequest, useCurrentUser } from '@helix/web/data-access';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { mentionKeys, withRoom } from '../api/mentions';

/**
 * While the rooms page is open its badges follow `rooms:activity`, one small broadcast per new message that
 * the client counts itself (docs in MentionsGateway); the server's counts come back on focus and reconnect.
 */
export function useRoomsWatch(): void {
  const queryClient = useQueryClient();
  const { data: user } = useCurrentUser();
  const userId = user?.id;
  useEffect(() => {
    const socket = getSocket();
    const watch = () => {
      socketRequest('rooms:watch', { watching: true }).catch(() => undefined);
      void queryClient.invalidateQueries({ queryKey: mentionKeys.unread() });
    };
    const onActivity = ({ roomId, authorId }: RoomActivity) => {
      if (authorId === userId) return;
      queryClient.setQueryData<UnreadSummary>(
        mentionKeys.unread(),
        (summary) => summary && withRoom(summary, (room) => ({ ...room, unread: room.unread + 1 }), roomId),
      );
    };
    socket.on('connect', watch);
    socket.on('rooms:activity', onActivity);
    if (socket.connected) watch();
    return () => {
      socket.off('connect', watch);
      socket.off('rooms:activity', onActivity);
      socketRequest('rooms:watch', { watching: false }).catch(() => undefined);
    };
  }, [queryClient, userId]);
}
