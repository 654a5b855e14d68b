import { REACTION_EMOJIS, type Message } from '@helix/contract';
import { formatNumber } from '@helix/web/data-access';
import { Button } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import type { ReactionEmoji } from '../api/message-actions';

/**
 * The reactions a message has, each one tap to add or take back one's own; new ones are chosen from the
 * message's menu. `onLastRemoved` runs when one's own reaction was the only one of its kind: its button
 * goes away with the focus on it.
 */
export function Reactions({
  message,
  selfId,
  disabled,
  onToggle,
  onLastRemoved,
}: {
  message: Message;
  selfId: string | undefined;
  disabled?: boolean;
  onToggle: (emoji: ReactionEmoji) => void;
  onLastRemoved?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const used = REACTION_EMOJIS.filter((emoji) => (message.reactions[emoji]?.length ?? 0) > 0);
  if (!used.length) return null;
  return (
    <div className="hx-reactions">
      {used.map((emoji) => {
        const users = message.reactions[emoji] ?? [];
        const mine = !!selfId && users.includes(selfId);
        return (
          <Button
            key={emoji}
            size="small"
            variant="secondary"
            className="hx-reaction"
            aria-pressed={mine}
            disabled={disabled}
            aria-label={t('message.reactionCount', { emoji, count: users.length })}
            onClick={() => {
              onToggle(emoji);
              if (mine && users.length === 1) onLastRemoved?.();
            }}
          >
            <span aria-hidden="true">
              {emoji} {formatNumber(users.length, i18n.language)}
            </span>
          </Button>
        );
      })}
    </div>
  );
}
