import type { Poll } from '@helix/contract';
import { CardSection, LoadError, Spinner } from '@helix/web/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoomPolls } from '../api/get-room-polls';
import { PollMeta } from './poll-card';
import { PollModeration } from './poll-moderation';

/** Switches the room's projector to a poll; another feature's, so the app passes it in. */
export type PollProjectorButton = (poll: Poll) => ReactNode;

function ConsolePoll({ poll, projectorButton }: { poll: Poll; projectorButton: PollProjectorButton }) {
  const { t } = useTranslation();
  return (
    <li
      className="hx-console__item"
      data-testid="console-poll"
      data-poll-id={poll.id}
      data-status={poll.status}
    >
      <h3>{poll.question}</h3>
      <PollMeta poll={poll} />
      <PollModeration poll={poll} projector={projectorButton(poll)} />
      {poll.status === 'draft' ? <p className="hx-muted">{t('moderation.polls.draftHint')}</p> : null}
    </li>
  );
}

/**
 * A room's moderator console: its polls, open ones first (they are the ones a moderator acts on
 * during a session), then drafts; closed polls folded away below.
 */
export function PollsConsoleSection({
  roomId,
  projectorButton,
}: {
  roomId: string;
  projectorButton: PollProjectorButton;
}) {
  const { t } = useTranslation();
  const polls = useRoomPolls(roomId);
  const all = polls.data ?? [];
  const current = [
    ...all.filter((poll) => poll.status === 'open'),
    ...all.filter((poll) => poll.status === 'draft'),
  ];
  const closed = all.filter((poll) => poll.status === 'closed');
  return (
    <CardSection headingId="console-polls-heading" title={t('moderation.polls.title')} testId="console-polls">
      {polls.isPending ? <Spinner /> : null}
      {polls.isError ? (
        <LoadError message={t('polls.loadFailed')} onRetry={() => void polls.refetch()} />
      ) : null}
      {polls.isSuccess && !all.length ? <p className="hx-muted">{t('moderation.polls.empty')}</p> : null}
      {current.length ? (
        <ul className="hx-console__list" aria-label={t('moderation.polls.open')}>
          {current.map((poll) => (
            <ConsolePoll key={poll.id} poll={poll} projectorButton={projectorButton} />
          ))}
        </ul>
      ) : null}
      {closed.length ? (
        <details className="hx-poll-closed">
          <summary>
            {t('moderation.polls.closed')} ({closed.length})
          </summary>
          <ul className="hx-console__list" aria-label={t('moderation.polls.closed')}>
            {closed.map((poll) => (
              <ConsolePoll key={poll.id} poll={poll} projectorButton={projectorButton} />
            ))}
          </ul>
        </details>
      ) : null}
    </CardSection>
  );
}
