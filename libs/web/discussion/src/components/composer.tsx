import { MESSAGE_TEXT_MAX, type Message } from '@helix/contract';
import { Button, TextAreaField } from '@helix/web/ui';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMentionAutocomplete } from '../hooks/use-mention-autocomplete';
import { fromDraft } from '../lib/mention-draft';
import { authorName, messageSnippet } from '../lib/message-words';
import { MentionSuggestions } from './mention-suggestions';

export function Composer({
  roomId,
  onSend,
  onTyping,
  replyTo,
  onCancelReply,
  disabled,
  disabledReason,
}: {
  roomId: string;
  onSend: (text: string) => void;
  onTyping: () => void;
  replyTo: Message | null;
  onCancelReply: () => void;
  disabled?: boolean;
  disabledReason?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const autocomplete = useMentionAutocomplete({ roomId, text, setText, textareaRef });

  useEffect(() => {
    if (replyTo) textareaRef.current?.focus();
  }, [replyTo]);

  const submit = () => {
    const trimmed = text.trim();
    if (!trimmed || trimmed.length > MESSAGE_TEXT_MAX || disabled) return;
    onSend(fromDraft(trimmed, autocomplete.mentions));
    setText('');
    autocomplete.setMentions([]);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (autocomplete.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && replyTo) {
      onCancelReply();
    }
  };
  const remaining = MESSAGE_TEXT_MAX - text.length;

  return (
    <form className="hx-composer" onSubmit={onSubmit}>
      {replyTo ? (
        <div className="hx-row hx-message__quote">
          <span>
            {t('composer.replyingTo', { name: authorName(replyTo.author, t) })}:{' '}
            {messageSnippet(replyTo, t).slice(0, 80)}
          </span>
          <Button size="small" variant="ghost" onClick={onCancelReply}>
            {t('composer.cancelReply')}
          </Button>
        </div>
      ) : null}
      {disabled && disabledReason ? <p className="hx-muted">{disabledReason}</p> : null}
      <MentionSuggestions
        id={autocomplete.listId}
        people={autocomplete.people}
        activeIndex={autocomplete.activeIndex}
        onPick={autocomplete.pick}
      />
      <div className="hx-composer__row">
        <TextAreaField
          label={t('composer.label')}
          hideLabel
          placeholder={t('composer.placeholder')}
          textareaRef={textareaRef}
          name="message"
          rows={1}
          maxLength={MESSAGE_TEXT_MAX}
          value={text}
          disabled={disabled}
          hint={
            remaining < 200 ? (
              t('composer.remaining', { count: remaining })
            ) : (
              // Said to screen readers; on screen the field stays one line, as a messenger's does.
              <span className="hx-visually-hidden">{t('composer.hint')}</span>
            )
          }
          {...autocomplete.comboboxProps}
          onChange={(event) => {
            setText(event.target.value);
            autocomplete.onCaret(event.target.selectionStart);
            if (event.target.value) onTyping();
          }}
          onSelect={(event) => autocomplete.onCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
        <Button type="submit" disabled={disabled || !text.trim()}>
          {t('composer.send')}
        </Button>
      </div>
    </form>
  );
}
