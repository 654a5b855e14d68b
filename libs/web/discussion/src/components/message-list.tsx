import type { Message, User } from '@helix/contract';
import type { OutboxEntry } from '@helix/web/data-access';
import { Button, Spinner } from '@helix/web/ui';
import { Fragment, useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { dayLabel, placeMessages } from '../lib/message-groups';
import { loadActionMenu, MessageItem, PendingMessageItem, type AttachmentRenderer } from './message-item';

function DaySeparator({ day }: { day: string }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="hx-day" data-testid="day-separator">
      <span>
        {dayLabel(day, i18n.language, { today: t('thread.today'), yesterday: t('thread.yesterday') })}
      </span>
    </li>
  );
}

/**
 * Oldest at the top, newest at the bottom, in the page's own scroll (see useFollowLatest): a day
 * separator where a day starts, and an author's burst of messages under one header.
 */
export function MessageList({
  messages,
  pending,
  user,
  hasOlder,
  loadingOlder,
  onLoadOlder,
  onReply,
  canWrite,
  loading,
  listRef,
  endRef,
  renderAttachment,
}: {
  messages: Message[];
  pending: OutboxEntry[];
  user: User | undefined;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onReply: (message: Message) => void;
  canWrite: boolean;
  loading: boolean;
  listRef: RefObject<HTMLDivElement | null>;
  endRef: RefObject<HTMLDivElement | null>;
  renderAttachment?: AttachmentRenderer;
}) {
  const { t } = useTranslation();
  const byId = new Map(messages.map((message) => [message.id, message]));
  const ownPending = pending.filter(
    (entry) =>
      !messages.some(
        (message) => message.clientId === entry.clientId && message.author.id === entry.author.id,
      ),
  );
  const placed = placeMessages(messages);
  useEffect(() => {
    // Once the thread is on screen and the network idle: the messages' menu, so it opens without a wait.
    const warm = () => void loadActionMenu();
    if (typeof window.requestIdleCallback !== 'function') return void setTimeout(warm, 1_000);
    const id = window.requestIdleCallback(warm, { timeout: 3_000 });
    return () => window.cancelIdleCallback(id);
  }, []);

  return (
    <div className="hx-messages" ref={listRef} role="region" aria-label={t('thread.historyLabel')}>
      {hasOlder ? (
        <div className="hx-row">
          <Button size="small" variant="secondary" onClick={onLoadOlder} disabled={loadingOlder}>
            {t('thread.loadOlder')}
          </Button>
          {loadingOlder ? <Spinner label={t('thread.loadingOlder')} /> : null}
        </div>
      ) : messages.length ? (
        <p className="hx-muted hx-messages__start">{t('thread.beginning')}</p>
      ) : null}
      {!loading && !messages.length && !ownPending.length ? (
        <p className="hx-muted">{t('thread.empty')}</p>
      ) : null}
      <ol className="hx-message-list">
        {placed.map(({ entry: message, day, continued }) => (
          <Fragment key={message.id}>
            {day ? <DaySeparator day={day} /> : null}
            <MessageItem
              message={message}
              user={user}
              replyTarget={message.replyTo ? byId.get(message.replyTo) : undefined}
              onReply={onReply}
              canWrite={canWrite}
              continued={continued}
              renderAttachment={renderAttachment}
            />
          </Fragment>
        ))}
        {ownPending.map((entry) => (
          <PendingMessageItem
            key={entry.clientId}
            entry={entry}
            replyTarget={entry.replyTo ? byId.get(entry.replyTo) : undefined}
          />
        ))}
      </ol>
      <div ref={endRef} />
    </div>
  );
}
