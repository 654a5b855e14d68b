import type { Thread } from '@helix/contract';
import { formatMessageTime, mayModerateRoom, useCurrentUser } from '@helix/web/data-access';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sortThreads } from '../api/get-threads';
import { useThreadUnread } from '../stores/unread-store';
import { ThreadBadges } from './thread-badges';
import { ThreadModeration } from './thread-moderation';

function ThreadItem({ thread, canModerate }: { thread: Thread; canModerate: boolean }) {
  const { t, i18n } = useTranslation();
  const unread = useThreadUnread(thread.roomId, thread.id);
  return (
    <li className="hx-card">
      <Link className="hx-card__title" to={`/rooms/${thread.roomId}/threads/${thread.id}`}>
        {thread.title}
      </Link>
      <div className="hx-card__meta">
        <ThreadBadges thread={thread} />
        {unread > 0 ? (
          <span className="hx-badge hx-badge--unread">{t('threads.unread', { count: unread })}</span>
        ) : null}
        <span>{t('threads.messages', { count: thread.messageCount })}</span>
        <span>
          {t('threads.lastActivity')}{' '}
          <time dateTime={thread.lastActivityAt}>
            {formatMessageTime(thread.lastActivityAt, i18n.language)}
          </time>
        </span>
      </div>
      {canModerate ? <ThreadModeration thread={thread} /> : null}
    </li>
  );
}

export function ThreadList({ threads }: { threads: readonly Thread[] }) {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  if (!threads.length) return <p className="hx-muted">{t('threads.empty')}</p>;
  return (
    <ul className="hx-card-list">
      {sortThreads(threads).map((thread) => (
        <ThreadItem key={thread.id} thread={thread} canModerate={mayModerateRoom(user, thread.roomId)} />
      ))}
    </ul>
  );
}
