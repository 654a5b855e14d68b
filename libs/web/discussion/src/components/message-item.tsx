import {
  isSystemAuthor,
  MESSAGE_TEXT_MAX,
  plainMentionText,
  REACTION_EMOJIS,
  type Message,
  type MessageAttachment,
  type User,
} from '@helix/contract';
import {
  formatDateTime,
  formatMessageTime,
  getOutbox,
  mayModerateRoom,
  type OutboxEntry,
} from '@helix/web/data-access';
import { ActionError, Button, TextAreaField } from '@helix/web/ui';
import type { MenuAction } from '@helix/web/ui/menu';
import {
  lazy,
  Suspense,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDeleteMessage, useEditMessage, useToggleReaction } from '../api/message-actions';
import { useLongPress } from '../hooks/use-long-press';
import { fromDraft, toDraft } from '../lib/mention-draft';
import { authorName, messageSnippet } from '../lib/message-words';
import { MentionText } from './mention-text';
import { Reactions } from './reactions';

// Only moderators open it, so it loads on the first click rather than with every thread.
const HideMessageDialog = lazy(() => import('./hide-message-dialog'));
// The menu's code (React Aria) stays out of the first page: a thread fetches it once on screen (see
// MessageList), so the first "⋯" opens at once.
export const loadActionMenu = () => import('./message-menu');
const ActionMenu = lazy(loadActionMenu);

/** Shows what Helix attached to a message (a closed poll's result), given by the app that composes the thread. */
export type AttachmentRenderer = (attachment: MessageAttachment) => ReactNode;

function Quote({
  original,
}: {
  original: Pick<Message, 'author' | 'text' | 'attachment' | 'deleted' | 'hidden'> | undefined;
}) {
  const { t } = useTranslation();
  if (!original) return <p className="hx-message__quote">{t('message.replyToEarlier')}</p>;
  const snippet = original.deleted
    ? t('message.deleted')
    : original.hidden
      ? t('message.hiddenByModerator', { reason: original.hidden.reason })
      : messageSnippet(original, t).slice(0, 140);
  return (
    <p className="hx-message__quote">
      {t('message.replyTo', { name: authorName(original.author, t) })}: {snippet}
    </p>
  );
}

function Header({
  author,
  createdAt,
  editedAt,
  continued,
}: {
  author: Message['author'];
  createdAt: string;
  editedAt?: string | null;
  /** The author's earlier message is just above: the name and time are for screen readers only. */
  continued?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className={continued ? 'hx-visually-hidden' : 'hx-message__head'}>
      <span className="hx-message__author">{authorName(author, t)}</span>
      <span className="hx-message__org">
        {isSystemAuthor(author)
          ? t('message.helixRole')
          : `${author.organization} · ${t(`groups.${author.stakeholderGroup}`)}`}
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
    text: plainMentionText(message.text).slice(0, 200),
  });
  return `/initiatives/new?${params.toString()}`;
}

export function MessageItem({
  message,
  user,
  replyTarget,
  onReply,
  canWrite,
  continued,
  renderAttachment,
}: {
  message: Message;
  user: User | undefined;
  replyTarget: Message | undefined;
  onReply: (message: Message) => void;
  canWrite: boolean;
  /** Follows the same author's message within minutes: shown without the header. */
  continued: boolean;
  renderAttachment?: AttachmentRenderer;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  // The editor shows mentions as `@Name`, as the composer does; saving turns them back into tokens.
  const [draft, setDraft] = useState(() => toDraft(message.text).text);
  const [menuOpen, setMenuOpen] = useState(false);
  const editRef = useRef<HTMLTextAreaElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    // Opening the editor was a deliberate action: put the caret where the typing happens.
    if (editing) {
      wasEditing.current = true;
      editRef.current?.focus();
    } else if (wasEditing.current) {
      // Saving or cancelling removes the editor: give the focus back to the message's menu button.
      wasEditing.current = false;
      menuButtonRef.current?.focus();
    }
  }, [editing]);
  const edit = useEditMessage();
  const remove = useDeleteMessage();
  const toggle = useToggleReaction();
  const own = !!user && user.id === message.author.id;
  const moderator = mayModerateRoom(user, message.roomId);
  // A moderator removes someone else's words with Hide, which asks for the reason the room then sees.
  const canDelete = own;
  const [hiding, setHiding] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    // The menu's Hide is gone once the message is hidden: keep keyboard focus on the message itself.
    if (hiding || !refocus.current) return;
    refocus.current = false;
    itemRef.current?.focus();
  }, [hiding]);
  const visible = !message.deleted && !message.hidden;
  const longPress = useLongPress(() => setMenuOpen(true), visible && !editing);

  const onEditSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = fromDraft(draft.trim(), toDraft(message.text).mentions);
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
    // The message's menu goes with its text: keyboard focus stays on the message that says so.
    if (window.confirm(t('message.confirmDelete'))) {
      remove.mutate(message.id, { onSuccess: () => itemRef.current?.focus() });
    }
  };
  const error = edit.error ?? remove.error ?? toggle.error;

  const reactions: MenuAction[] = REACTION_EMOJIS.map((emoji) => ({
    id: `react:${emoji}`,
    label: emoji,
    accessibleLabel: t('message.reactWith', { emoji }),
    onAction: () => toggle.mutate({ messageId: message.id, emoji }),
  }));
  const actions: MenuAction[] = [
    ...(canWrite ? [{ id: 'reply', label: t('message.reply'), onAction: () => onReply(message) }] : []),
    // What Helix posted has no words of anyone's to propose (a poll's result seeds one from the poll).
    ...(message.attachment
      ? []
      : [
          {
            id: 'propose',
            label: t('initiatives.proposeFromMessage'),
            onAction: () => void navigate(proposeInitiativeHref(message)),
          },
        ]),
    ...(own
      ? [
          {
            id: 'edit',
            label: t('message.edit'),
            onAction: () => {
              setDraft(toDraft(message.text).text);
              setEditing(true);
            },
          },
        ]
      : []),
    ...(canDelete
      ? [{ id: 'delete', label: t('message.delete'), tone: 'danger' as const, onAction: onDelete }]
      : []),
    ...(moderator ? [{ id: 'hide', label: t('message.hide'), onAction: () => setHiding(true) }] : []),
  ];

  return (
    <li
      ref={itemRef}
      className={`hx-message${continued ? ' hx-message--continued' : ''}`}
      data-testid="message"
      data-seq={message.seq}
      data-state="sent"
      data-message-id={message.id}
      id={`message-${message.id}`}
      data-mentions-me={user && message.mentions.includes(user.id) ? true : undefined}
      data-hidden={message.hidden ? true : undefined}
      tabIndex={-1}
      {...longPress}
    >
      <Header
        author={message.author}
        createdAt={message.createdAt}
        editedAt={visible ? message.editedAt : null}
        continued={continued}
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
      ) : message.attachment ? (
        <div className="hx-message__attachment">{renderAttachment?.(message.attachment)}</div>
      ) : (
        <p className="hx-message__body">
          <MentionText text={message.text} selfId={user?.id} />
        </p>
      )}
      {visible ? (
        <>
          <Reactions
            message={message}
            selfId={user?.id}
            onToggle={(emoji) => toggle.mutate({ messageId: message.id, emoji })}
            onLastRemoved={() => menuButtonRef.current?.focus()}
          />
          <button
            ref={menuButtonRef}
            type="button"
            className="hx-message__more"
            aria-label={t('message.actions', { name: authorName(message.author, t) })}
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true">⋯</span>
          </button>
        </>
      ) : null}
      {menuOpen ? (
        <Suspense fallback={null}>
          <ActionMenu
            triggerRef={menuButtonRef}
            label={t('message.actions', { name: authorName(message.author, t) })}
            quick={reactions}
            quickLabel={t('message.reactionPalette')}
            actions={actions}
            onClose={() => {
              setMenuOpen(false);
              // Back to the button (a dialog opened from the menu returns it there); an action that
              // leads elsewhere (the composer, the editor) moves it on.
              menuButtonRef.current?.focus();
            }}
          />
        </Suspense>
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
        <MentionText text={entry.text} selfId={undefined} />
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
