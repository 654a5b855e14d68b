import type { Message } from '@helix/contract';
import { mayModerateRoom, useCurrentUser, useRooms } from '@helix/web/data-access';
import { LoadError, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useMessages } from '../api/get-messages';
import { useThreads } from '../api/get-threads';
import { useOutboxEntries, useSendMessage } from '../api/send-message';
import { useFollowLatest } from '../hooks/use-follow-latest';
import { useMarkRead } from '../hooks/use-mark-read';
import { useMessageAnnouncer } from '../hooks/use-message-announcer';
import { MESSAGE_PARAM, useScrollToMessage } from '../hooks/use-scroll-to-message';
import { useTypingNotifier, useTypingUsers } from '../hooks/use-typing';
import { unreadStore } from '../stores/unread-store';
import { Breadcrumbs } from './breadcrumbs';
import { Composer } from './composer';
import type { AttachmentRenderer } from './message-item';
import { MessageList } from './message-list';
import { PresenceList } from './presence-list';
import { ThreadBadges } from './thread-badges';
import { ThreadModeration } from './thread-moderation';
import { TypingIndicator } from './typing-indicator';

/** A thread; `renderAttachment` shows what Helix attached to its messages (a poll's result). */
export function ThreadPage({ renderAttachment }: { renderAttachment?: AttachmentRenderer }) {
  const { roomId = '', threadId = '' } = useParams();
  return (
    <ThreadView
      key={`${roomId}/${threadId}`}
      roomId={roomId}
      threadId={threadId}
      renderAttachment={renderAttachment}
    />
  );
}

function ThreadView({
  roomId,
  threadId,
  renderAttachment,
}: {
  roomId: string;
  threadId: string;
  renderAttachment?: AttachmentRenderer;
}) {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const rooms = useRooms();
  const threads = useThreads(roomId);
  const messagesQuery = useMessages(roomId, threadId);
  const pending = useOutboxEntries(threadId);
  const send = useSendMessage(roomId, threadId);
  const notifyTyping = useTypingNotifier(roomId, threadId);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const footerRef = useRef<HTMLDivElement>(null);

  const room = rooms.data?.find((item) => item.id === roomId);
  const thread = threads.data?.find((item) => item.id === threadId);
  const messages = useMemo(
    () => (messagesQuery.data ? [...messagesQuery.data.pages].reverse().flatMap((page) => page.items) : []),
    [messagesQuery.data],
  );
  const announcement = useMessageAnnouncer(messages, user?.id);
  const typingUsers = useTypingUsers(roomId, threadId, user?.id, messages.at(-1));
  const loadOlder = () => {
    if (messagesQuery.hasNextPage && !messagesQuery.isFetchingNextPage) void messagesQuery.fetchNextPage();
  };
  const { unseen, jumpToLatest } = useFollowLatest({
    messages,
    pending,
    selfId: user?.id,
    listRef,
    endRef,
    footerRef,
    onNearTop: loadOlder,
  });
  const [searchParams] = useSearchParams();
  useScrollToMessage(searchParams.get(MESSAGE_PARAM), messages, {
    hasOlder: !!messagesQuery.hasNextPage,
    loadOlder,
  });
  useMarkRead(roomId, messages.at(-1)?.seq, unseen === 0);
  const moderator = mayModerateRoom(user, roomId);
  const canWrite = !!user && (!thread?.locked || moderator);

  useEffect(() => unreadStore.view(roomId, threadId), [roomId, threadId]);
  useEffect(() => {
    // New messages that arrive while the thread is on screen are read.
    unreadStore.markRead(roomId, threadId);
  }, [roomId, threadId, messages.length]);

  const heading = thread?.title ?? t('thread.untitled');
  useDocumentTitle(thread?.title);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('rooms.title'), to: '/rooms' },
          { label: room?.title ?? t('rooms.room'), to: `/rooms/${roomId}` },
          { label: heading, to: `/rooms/${roomId}/threads/${threadId}` },
        ]}
      />
      <div className="hx-room-layout">
        <section className="hx-thread">
          <div className="hx-row">
            <h1 id="thread-heading">{heading}</h1>
            {thread ? <ThreadBadges thread={thread} /> : null}
          </div>
          {thread && moderator ? <ThreadModeration thread={thread} /> : null}
          {messagesQuery.isPending ? <Spinner /> : null}
          {messagesQuery.isError ? (
            <LoadError message={t('thread.loadFailed')} onRetry={() => void messagesQuery.refetch()} />
          ) : null}
          <MessageList
            messages={messages}
            pending={pending}
            user={user}
            hasOlder={!!messagesQuery.hasNextPage}
            loadingOlder={messagesQuery.isFetchingNextPage}
            onLoadOlder={loadOlder}
            onReply={setReplyTo}
            canWrite={canWrite}
            loading={messagesQuery.isPending}
            listRef={listRef}
            endRef={endRef}
            renderAttachment={renderAttachment}
          />
          <div className="hx-visually-hidden" aria-live="polite" aria-atomic="true">
            {announcement ? <p key={announcement.id}>{announcement.text}</p> : null}
          </div>
          <div className="hx-thread__footer" ref={footerRef}>
            {unseen ? (
              <button type="button" className="hx-new-pill" data-testid="new-messages" onClick={jumpToLatest}>
                {t('thread.newMessages', { count: unseen })} <span aria-hidden="true">↓</span>
              </button>
            ) : null}
            <TypingIndicator users={typingUsers} />
            <Composer
              roomId={roomId}
              disabled={!canWrite}
              disabledReason={thread?.locked ? t('thread.lockedNotice') : undefined}
              replyTo={replyTo}
              onCancelReply={() => setReplyTo(null)}
              onTyping={notifyTyping}
              onSend={(text) => {
                if (!user) return;
                send(text, user, replyTo?.id ?? null);
                setReplyTo(null);
              }}
            />
          </div>
        </section>
        <aside aria-label={t('presence.title')}>
          <PresenceList roomId={roomId} />
        </aside>
      </div>
    </>
  );
}
