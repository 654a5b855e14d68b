import type { Poll } from '@helix/contract';
import {
  ActionError,
  Button,
  type ButtonProps,
  followFocus,
  NewTabLink,
  useFollowFocus,
} from '@helix/web/ui';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClosePoll } from '../api/close-poll';
import { useDownloadPollResults } from '../api/download-poll-results';
import { useOpenPoll } from '../api/open-poll';
import { projectorPath } from '../lib/poll-links';
import { PollCountdownChoice, usePollCountdownChoice } from './poll-countdown-choice';

const focusKey = (pollId: string): string => `poll:${pollId}`;

/**
 * One button for one of the poll's mutations: off while that mutation runs. Opening and closing move
 * the poll to another list (`moves`): the focus follows it there.
 */
function PollAction({
  action,
  pollId,
  variant,
  moves = false,
  confirm,
  disabled = false,
  children,
}: {
  action: { isPending: boolean; mutate: (pollId: string, options?: { onError?: () => void }) => void };
  pollId: string;
  variant?: ButtonProps['variant'];
  moves?: boolean;
  /** Asked first, for what cannot be undone: a click by mistake does nothing. */
  confirm?: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  const onClick = () => {
    if (confirm && !window.confirm(confirm)) return;
    if (!moves) return action.mutate(pollId);
    followFocus.start(focusKey(pollId));
    action.mutate(pollId, { onError: () => followFocus.cancel(focusKey(pollId)) });
  };
  return (
    <Button variant={variant} size="small" disabled={disabled || action.isPending} onClick={onClick}>
      {children}
    </Button>
  );
}

/**
 * What moderators do with a poll: open a draft (with a countdown if they like), close an open poll,
 * project it, export its results.
 * `projector` takes the place of the poll's own projector link: a room's moderator console switches
 * the room's projector instead.
 */
export function PollModeration({
  poll,
  onEdit,
  projector,
}: {
  poll: Poll;
  onEdit?: () => void;
  projector?: ReactNode;
}) {
  const { t } = useTranslation();
  const countdown = usePollCountdownChoice();
  const openPoll = useOpenPoll(countdown.value.closesInSeconds);
  const closePoll = useClosePoll();
  const download = useDownloadPollResults();
  const error = openPoll.error ?? closePoll.error ?? download.error;
  const group = useRef<HTMLDivElement>(null);
  useFollowFocus(focusKey(poll.id), group, poll.status);
  return (
    <div className="hx-poll-moderation">
      {poll.status === 'draft' ? <PollCountdownChoice state={countdown} /> : null}
      <div ref={group} className="hx-row" role="group" aria-label={t('polls.moderation')}>
        {poll.status === 'draft' ? (
          <>
            {onEdit ? (
              <Button variant="secondary" size="small" onClick={onEdit}>
                {t('polls.edit')}
              </Button>
            ) : null}
            <PollAction action={openPoll} pollId={poll.id} moves disabled={countdown.value.invalid}>
              {t('polls.openPoll')}
            </PollAction>
          </>
        ) : null}
        {poll.status === 'open' ? (
          <PollAction
            action={closePoll}
            pollId={poll.id}
            variant="danger"
            moves
            confirm={t('polls.confirmClose', { question: poll.question })}
          >
            {t('polls.closePoll')}
          </PollAction>
        ) : null}
        {poll.status !== 'draft' ? (
          <>
            {projector ?? <NewTabLink href={projectorPath(poll.id)}>{t('polls.showOnProjector')}</NewTabLink>}
            <PollAction action={download} pollId={poll.id} variant="secondary">
              {t('polls.downloadCsv')}
            </PollAction>
          </>
        ) : null}
      </div>
      <ActionError error={error} />
    </div>
  );
}
