import type { Message, User } from '@helix/contract';
import type { OutboxEntry } from '@helix/web/data-access';
import { Button, Spinner } from '@helix/web/ui';
import { useLayoutEffect, useRef, type UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageItem, PendingMessageItem } from './message-item';

const NEAR_EDGE_PX = 48;

/**
 * Oldest at the top, newest at the bottom. Follows new messages while the reader is at the bottom,
 * keeps the reading position when older ones load above.
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
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<{ firstId: string | undefined; height: number; top: number } | null>(null);
  const byId = new Map(messages.map((message) => [message.id, message]));
  const firstId = messages[0]?.id;
  const lastKey = `${messages.at(-1)?.id ?? ''}|${pending.length}|${pending.at(-1)?.clientId ?? ''}`;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const previous = anchor.current;
    if (previous && previous.firstId !== firstId && previous.firstId !== undefined) {
      // Older messages were added above: keep what the reader was looking at in place.
      element.scrollTop = previous.top + (element.scrollHeight - previous.height);
    } else if (atBottom.current) {
      element.scrollTop = element.scrollHeight;
    }
    anchor.current = { firstId, height: element.scrollHeight, top: element.scrollTop };
  }, [firstId, lastKey]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const element = event.currentTarget;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_EDGE_PX;
    anchor.current = { firstId, height: element.scrollHeight, top: element.scrollTop };
    if (element.scrollTop < NEAR_EDGE_PX && hasOlder && !loadingOlder) onLoadOlder();
  };

  const ownPending = pending.filter(
    (entry) =>
      !messages.some(
        (message) => message.clientId === entry.clientId && message.author.id === entry.author.id,
      ),
  );

  return (
    // A scrollable region must take keyboard focus, or keyboard users cannot scroll the history.
    <div
      className="hx-messages"
      ref={scroller}
      onScroll={onScroll}
      tabIndex={0}
      role="region"
      aria-label={t('thread.historyLabel')}
    >
      {hasOlder ? (
        <div className="hx-row">
          <Button size="small" variant="secondary" onClick={onLoadOlder} disabled={loadingOlder}>
            {t('thread.loadOlder')}
          </Button>
          {loadingOlder ? <Spinner label={t('thread.loadingOlder')} /> : null}
        </div>
      ) : messages.length ? (
        <p className="hx-muted">{t('thread.beginning')}</p>
      ) : null}
      {!loading && !messages.length && !ownPending.length ? (
        <p className="hx-muted">{t('thread.empty')}</p>
      ) : null}
      <ol className="hx-message-list">
        {messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            user={user}
            replyTarget={message.replyTo ? byId.get(message.replyTo) : undefined}
            onReply={onReply}
            canWrite={canWrite}
          />
        ))}
        {ownPending.map((entry) => (
          <PendingMessageItem
            key={entry.clientId}
            entry={entry}
            replyTarget={entry.replyTo ? byId.get(entry.replyTo) : undefined}
          />
        ))}
      </ol>
    </div>
  );
}
