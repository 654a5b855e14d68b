import type { Mention } from '@helix/contract';
import { formatDateTime, useCurrentUser } from '@helix/web/data-access';
import { Button, LoadError, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMentionPages } from '../api/mentions';
import { mentionNotifications } from '../lib/mention-notifications';
import { MentionText } from './mention-text';

function NotificationToggle() {
  const { t } = useTranslation();
  const id = useId();
  const [on, setOn] = useState(mentionNotifications.enabled);
  const [permission, setPermission] = useState(mentionNotifications.permission);
  if (!mentionNotifications.supported()) return <p className="hx-muted">{t('mentions.notifyUnsupported')}</p>;
  return (
    <div className="hx-row">
      <input
        id={id}
        type="checkbox"
        checked={on}
        aria-describedby={permission === 'denied' ? `${id}-denied` : undefined}
        onChange={(event) => {
          const wanted = event.target.checked;
          setOn(wanted);
          void mentionNotifications.set(wanted).then((enabled) => {
            setOn(enabled);
            setPermission(mentionNotifications.permission());
          });
        }}
      />
      <label htmlFor={id}>{t('mentions.notify')}</label>
      {permission === 'denied' ? (
        <p id={`${id}-denied`} className="hx-muted">
          {t('mentions.notifyDenied')}
        </p>
      ) : null}
    </div>
  );
}

function MentionItem({ mention, selfId }: { mention: Mention; selfId: string | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <li className={`hx-card${mention.unread ? ' hx-mentions-item--unread' : ''}`} data-testid="mention-item">
      <p className="hx-row">
        <Link className="hx-card__title" to={mention.link}>
          {mention.roomTitle} · {mention.threadTitle}
        </Link>
        {mention.unread ? <span className="hx-badge hx-badge--unread">{t('mentions.unread')}</span> : null}
      </p>
      <p className="hx-muted">
        {mention.message.author.displayName} ·{' '}
        <time dateTime={mention.message.createdAt}>
          {formatDateTime(mention.message.createdAt, i18n.language)}
        </time>
      </p>
      <p>
        <MentionText text={mention.message.text} selfId={selfId} />
      </p>
    </li>
  );
}

/** The messages that mention the reader, newest first, each opening its thread at the message. */
export function MentionsPage() {
  const { t } = useTranslation();
  const selfId = useCurrentUser().data?.id;
  const pages = useMentionPages();
  useDocumentTitle(t('mentions.title'));
  const mentions = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1>{t('mentions.title')}</h1>
      <NotificationToggle />
      {pages.isPending ? <Spinner /> : null}
      {pages.isError ? (
        <LoadError message={t('mentions.loadFailed')} onRetry={() => void pages.refetch()} />
      ) : null}
      {pages.data && !mentions.length ? <p>{t('mentions.empty')}</p> : null}
      <ul className="hx-card-list">
        {mentions.map((mention) => (
          <MentionItem key={mention.id} mention={mention} selfId={selfId} />
        ))}
      </ul>
      {pages.hasNextPage ? (
        <Button
          variant="secondary"
          disabled={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {t('mentions.loadMore')}
        </Button>
      ) : null}
    </>
  );
}
