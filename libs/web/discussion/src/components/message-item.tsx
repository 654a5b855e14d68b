import { MESSAGE_TEXT_MAX, type Message, type User } from '@helix/contract';
import {
  formatDateTime,
  formatMessageTime,
  getOutbox,
  isModerator,
  type OutboxEntry,
} from '@helix/web/data-access';
import { ActionError, Button, LinkifiedText, TextAreaField } from '@helix/web/ui';
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeleteMessage, useEditMessage } from '../api/message-actions';
import { Reactions } from './reactions';

// Only moderators open it, so it loads on the first click rather than with every thread.
const HideMessageDialog = lazy(() => import('./hide-message-dialog'));

function Quote({
  original,
}: {
  original: Pick<Message, 'author' | 'text' | 'deleted' | 'hidden'> | undefined;
}) {
  const { t } = useTranslation();
  if (!original) return <p className="hx-message__quote">{t('message.replyToEarlier')}</p>;
  const snippet = original.deleted
    ? t('message.deleted')
    : original.hidden
      ? t('message.hiddenByModerator', { reason: original.hidden.reason })
      : original.text.slice(0, 140);
  return (
    <p className="hx-message__quote">
      {t('message.replyTo', { name: original.author.displayName })}: {snippet}
    </p>
  );
}

function Header({
  author,
  createdAt,
  editedAt,
}: {
  author: Message['author'];
  createdAt: string;
  editedAt?: string | null;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="hx-message__head">
      <span className="hx-message__author">{author.displayName}</span>
      <span className="hx-message__org">
        {author.organization} · {t(`groups.${author.stakeholderGroup}`)}
      </span>
      <time
        className="hx-message__time"
        dateTime={createdAt}
        title={formatDateTime(createdAt, i18n.language)}
      >
        {formatMessageTime(createdAt, i18n.language)}
      </time>
      {editedAt ? <span className="hx-message__time">{t('message.edited')}</span> : null}
    </div>
  );
}

/** "Propose as initiative": the initiative form, prefilled from the message and linked back to it. */
function proposeInitiativeHref(message: Message): string {
  const params = new URLSearchParams({
    roomId: message.roomId,
    threadId: message.threadId,
    messageId: message.id,
    text: message.text.slice(0, 200),
  });
  return `/initiatives/new?${params.toString()}`;
}

export function MessageItem({
  message,
  user,
  replyTarget,
  onReply,
  canWrite,
}: {
  message: Message;
  user: User | undefined;
  replyTarget: Message | undefined;
  onReply: (message: Message) => void;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.text);
  const editRef = useRef<HTMLTextAreaElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    // Opening the editor was a deliberate action: put the caret where the typing happens.
    if (editing) {
      wasEditing.current = true;
      editRef.current?.focus();
    } else if (wasEditing.current) {
      // Saving or cancelling removes the editor's buttons: give the focus back to Edit, not the page's top.
      wasEditing.current = false;
      editButtonRef.current?.focus();
    }
  }, [editing]);
  const edit = useEditMessage();
  const remove = useDeleteMessage();
  const own = !!user && user.id === message.author.id;
  const moderator = isModerator(user);
  // A moderator removes someone else's words with Hide, which asks for the reason the room then sees.
  const canDelete = own;
  const [hiding, setHiding] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    // The Hide button is gone once the message is hidden: keep keyboard focus on the message itself.
    if (hiding || !refocus.current) return;
    refocus.current = false;
    itemRef.current?.focus();
  }, [hiding]);
  const visible = !message.deleted && !message.hidden;

  const onEditSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || text === message.text) {
      setEditing(false);
      return;
    }
    edit.mutate({ messageId: message.id, text }, { onSuccess: () => setEditing(false) });
  };
  const onEditKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') setEditing(false);
  };
  const onDelete = () => {
    // The message's buttons go with its text: keyboard focus stays on the message that says so.
    if (window.confirm(t('message.confirmDelete'))) {
      remove.mutate(message.id, { onSuccess: () => itemRef.current?.focus() });
    }
  };
  const error = edit.error ?? remove.error;

  return (
    <li
      ref={itemRef}
      className="hx-message"
      data-testid="message"
      data-seq={message.seq}
      data-state="sent"
      data-message-id={message.id}
      data-hidden={message.hidden ? true : undefined}
      tabIndex={-1}
    >
      <Header
        author={message.author}
        createdAt={message.createdAt}
        editedAt={visible ? message.editedAt : null}
      />
      {message.replyTo && visible ? <Quote original={replyTarget} /> : null}
      {message.deleted ? (
        <p className="hx-message__deleted">{t('message.deleted')}</p>
      ) : message.hidden ? (
        <p className="hx-message__deleted" data-testid="message-hidden">
          {t('message.hiddenByModerator', { reason: message.hidden.reason })}
        </p>
      ) : editing ? (
        <form onSubmit={onEditSubmit}>
          <TextAreaField
            label={t('message.editLabel')}
            value={draft}
            maxLength={MESSAGE_TEXT_MAX}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onEditKey}
            textareaRef={editRef}
          />
          <div className="hx-row">
            <Button type="submit" size="small" disabled={edit.isPending}>
              {t('common.save')}
            </Button>
            <Button size="small" variant="secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <p className="hx-message__body">
          <LinkifiedText text={message.text} />
        </p>
      )}
      {visible ? (
        <>
          <Reactions message={message} selfId={user?.id} />
          <div className="hx-message__actions">
            {canWrite ? (
              <Button size="small" variant="ghost" onClick={() => onReply(message)}>
                {t('message.reply')}
              </Button>
            ) : null}
            <Link className="hx-button hx-button--ghost hx-button--small" to={proposeInitiativeHref(message)}>
              {t('initiatives.proposeFromMessage')}
            </Link>
            {own && !editing ? (
              <Button
                ref={editButtonRef}
                size="small"
                variant="ghost"
                onClick={() => {
                  setDraft(message.text);
                  setEditing(true);
                }}
              >
                {t('message.edit')}
              </Button>
            ) : null}
            {canDelete ? (
              <Button size="small" variant="ghost" onClick={onDelete} disabled={remove.isPending}>
                {t('message.delete')}
              </Button>
            ) : null}
            {moderator ? (
              <Button size="small" variant="ghost" aria-haspopup="dialog" onClick={() => setHiding(true)}>
                {t('message.hide')}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
      {hiding ? (
        <Suspense fallback={null}>
          <HideMessageDialog
            message={message}
            onClose={(hidden) => {
              refocus.current = hidden;
              setHiding(false);
            }}
          />
        </Suspense>
      ) : null}
      <ActionError error={error} />
    </li>
  );
}

export function PendingMessageItem({
  entry,
  replyTarget,
}: {
  entry: OutboxEntry;
  replyTarget: Message | undefined;
}) {
  const { t } = useTranslation();
  const outbox = getOutbox();
  return (
    <li className="hx-message" data-testid="message" data-state={entry.state} data-client-id={entry.clientId}>
      <Header author={entry.author} createdAt={entry.createdAt} />
      {entry.replyTo ? <Quote original={replyTarget} /> : null}
      <p className="hx-message__body">
        <LinkifiedText text={entry.text} />
      </p>
      <p className="hx-message__status">
        {entry.state === 'failed' ? (
          <>
            {t('message.notSent')}
            {entry.error ? ` (${entry.error})` : ''}{' '}
            <Button size="small" variant="secondary" onClick={() => outbox.retry(entry.clientId)}>
              {t('message.retry')}
            </Button>{' '}
            <Button size="small" variant="ghost" onClick={() => outbox.discard(entry.clientId)}>
              {t('message.discard')}
            </Button>
          </>
        ) : entry.state === 'pending' ? (
          t('message.sending')
        ) : null}
      </p>
    </li>
  );
}
