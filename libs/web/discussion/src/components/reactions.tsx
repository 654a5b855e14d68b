import { REACTION_EMOJIS, type Message } from '@helix/contract';
import { formatNumber } from '@helix/web/data-access';
import { ActionError, Button } from '@helix/web/ui';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useToggleReaction, type ReactionEmoji } from '../api/message-actions';

export function Reactions({
  message,
  selfId,
  disabled,
}: {
  message: Message;
  selfId: string | undefined;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const toggle = useToggleReaction();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const used = REACTION_EMOJIS.filter((emoji) => (message.reactions[emoji]?.length ?? 0) > 0);
  const closePalette = () => {
    setPaletteOpen(false);
    // The palette's buttons go away: keyboard focus would fall to the page's top otherwise.
    toggleButton.current?.focus();
  };
  const react = (emoji: ReactionEmoji) => {
    toggle.mutate({ messageId: message.id, emoji });
    const users = message.reactions[emoji] ?? [];
    const lastOne = users.length === 1 && !!selfId && users.includes(selfId);
    // Taking back the only reaction of its kind removes its button, the one that has the focus.
    if (paletteOpen || lastOne) closePalette();
  };
  const onPaletteKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closePalette();
    }
  };
  const paletteId = `palette-${message.id}`;

  return (
    <div className="hx-row">
      {used.map((emoji) => {
        const users = message.reactions[emoji] ?? [];
        const mine = !!selfId && users.includes(selfId);
        return (
          <Button
            key={emoji}
            size="small"
            variant="secondary"
            aria-pressed={mine}
            disabled={disabled}
            aria-label={t('message.reactionCount', { emoji, count: users.length })}
            onClick={() => react(emoji)}
          >
            <span aria-hidden="true">
              {emoji} {formatNumber(users.length, i18n.language)}
            </span>
          </Button>
        );
      })}
      <Button
        ref={toggleButton}
        size="small"
        variant="ghost"
        aria-expanded={paletteOpen}
        aria-controls={paletteId}
        disabled={disabled}
        onClick={() => setPaletteOpen((open) => !open)}
      >
        {t('message.addReaction')}
      </Button>
      {paletteOpen ? (
        <div id={paletteId} role="group" aria-label={t('message.reactionPalette')} className="hx-row">
          {REACTION_EMOJIS.map((emoji) => (
            <Button
              key={emoji}
              size="small"
              variant="secondary"
              aria-label={t('message.reactWith', { emoji })}
              onClick={() => react(emoji)}
              onKeyDown={onPaletteKey}
            >
              <span aria-hidden="true">{emoji}</span>
            </Button>
          ))}
        </div>
      ) : null}
      <ActionError error={toggle.error} inline />
    </div>
  );
}
