import { plainMentionText, type MentionNotice, type UnreadSummary } from '@helix/contract';
import { getSocket, useRooms } from '@helix/web/data-access';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { useNavigate } from 'react-router';
import { mentionKeys, withRoom } from '../api/mentions';
import { mentionNotifications } from '../lib/mention-notifications';
import { unreadStore } from '../stores/unread-store';

/**
 * A mention reaches the person's sockets whatever room is open: the counts follow, and when the person
 * turned notifications on and is not looking at that thread, the browser shows one that opens the message.
 */
export function useMentionNotices(): void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const rooms = useRooms();
  const onMention = useEffectEvent((notice: MentionNotice) => {
    const { roomId, threadId } = notice.message;
    void queryClient.invalidateQueries({ queryKey: mentionKeys.list() });
    if (unreadStore.isViewing(roomId, threadId)) return;
    queryClient.setQueryData<UnreadSummary>(
      mentionKeys.unread(),
      (summary) => summary && withRoom(summary, (room) => ({ ...room, mentions: room.mentions + 1 }), roomId),
    );
    if (!mentionNotifications.enabled()) return;
    const title = rooms.data?.find((room) => room.id === roomId)?.title ?? notice.roomTitle;
    const notification = new Notification(title, {
      body: `${notice.message.author.displayName}: ${plainMentionText(notice.message.text)}`,
      tag: notice.id,
    });
    notification.onclick = () => {
      window.focus();
      void navigate(notice.link);
      notification.close();
    };
  });
  useEffect(() => {
    const socket = getSocket();
    const listener = (notice: MentionNotice) => onMention(notice);
    socket.on('mention', listener);
    return () => {
      socket.off('mention', listener);
    };
  }, []);
}
