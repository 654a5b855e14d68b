import type { Thread } from '@helix/contract';
import { CardSection, LoadError, Spinner } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sortThreads, useThreads } from '../api/get-threads';
import { ThreadBadges } from './thread-badges';
import { ThreadModeration } from './thread-moderation';

function ConsoleThread({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  return (
    <li className="hx-console__item" data-testid="console-thread" data-thread-id={thread.id}>
      <h3>
        <Link to={`/rooms/${thread.roomId}/threads/${thread.id}`}>{thread.title}</Link>
      </h3>
      <p className="hx-card__meta">
        <ThreadBadges thread={thread} />
        <span>{t('threads.messages', { count: thread.messageCount })}</span>
      </p>
      <ThreadModeration thread={thread} />
    </li>
  );
}

/** A room's moderator console: every thread with its pin, lock and resolve switches, pinned first. */
export function ThreadsConsoleSection({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const threads = useThreads(roomId);
  return (
    <CardSection
      headingId="console-threads-heading"
      title={t('moderation.threads.title')}
      testId="console-threads"
    >
      {threads.isPending ? <Spinner /> : null}
      {threads.isError ? (
        <LoadError message={t('threads.loadFailed')} onRetry={() => void threads.refetch()} />
      ) : null}
      {threads.data && !threads.data.length ? <p className="hx-muted">{t('threads.empty')}</p> : null}
      {threads.data?.length ? (
        <ul className="hx-console__list">
          {sortThreads(threads.data).map((thread) => (
            <ConsoleThread key={thread.id} thread={thread} />
          ))}
        </ul>
      ) : null}
    </CardSection>
  );
}
