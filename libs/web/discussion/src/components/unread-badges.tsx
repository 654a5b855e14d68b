import { UNREAD_COUNT_MAX, type RoomUnread } from '@helix/contract';
import { useTranslation } from 'react-i18next';

/** A room's unread count, and its mentions of the reader apart (they matter more). */
export function UnreadBadges({ unread }: { unread: RoomUnread }) {
  const { t } = useTranslation();
  const shown = (count: number) => (count >= UNREAD_COUNT_MAX ? `${UNREAD_COUNT_MAX - 1}+` : String(count));
  return (
    <>
      {unread.unread > 0 ? (
        <span className="hx-badge hx-badge--unread" data-testid="room-unread">
          {t('rooms.unread', { count: unread.unread, shown: shown(unread.unread) })}
        </span>
      ) : null}
      {unread.mentions > 0 ? (
        <span className="hx-badge hx-badge--mention" data-testid="room-mentions">
          {t('rooms.mentions', { count: unread.mentions, shown: shown(unread.mentions) })}
        </span>
      ) : null}
    </>
  );
}
