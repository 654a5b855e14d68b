import type { Poll } from '@helix/contract';
import { LinkifiedText } from '@helix/web/ui';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computePollResults } from '../lib/poll-results';
import { GroupSplitTable } from './group-split-table';
import { PollComposer } from './poll-composer';
import { PollCountdown } from './poll-countdown';
import { PollModeration } from './poll-moderation';
import { PollBallot, PollResultList } from './poll-options';

export const pollElementId = (pollId: string): string => `poll-${pollId}`;

export function PollMeta({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  return (
    <p className="hx-card__meta">
      <span className={`hx-badge hx-badge--${poll.status}`}>{t(`polls.status.${poll.status}`)}</span>
      <span>{poll.multiple ? t('polls.chooseMany') : t('polls.chooseOne')}</span>
      {poll.anonymous ? <span className="hx-badge">{t('polls.anonymous')}</span> : null}
      {poll.resultsVisibility !== 'always' ? (
        <span className="hx-badge">{t(`polls.resultsShown.${poll.resultsVisibility}`)}</span>
      ) : null}
      {poll.status !== 'draft' && !poll.resultsHidden ? (
        <span data-testid="poll-voters">{t('polls.voters', { count: poll.voters })}</span>
      ) : null}
    </p>
  );
}

/** One poll in a room: ballot and live results while open, final results once closed. */
export function PollCard({
  poll,
  canModerate,
  highlighted,
}: {
  poll: Poll;
  canModerate: boolean;
  highlighted?: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const results = useMemo(() => computePollResults(poll), [poll]);
  const [editing, setEditing] = useState(false);
  const showResults = poll.status !== 'draft' && !poll.resultsHidden;

  if (editing && poll.status === 'draft') {
    return <PollComposer roomId={poll.roomId} poll={poll} onDone={() => setEditing(false)} />;
  }

  return (
    <article
      id={pollElementId(poll.id)}
      className="hx-card hx-poll"
      aria-labelledby={headingId}
      data-testid="poll"
      data-poll-id={poll.id}
      data-status={poll.status}
      data-highlighted={highlighted || undefined}
      tabIndex={-1}
    >
      <h3 id={headingId} className="hx-poll__question">
        <LinkifiedText text={poll.question} />
      </h3>
      <PollMeta poll={poll} />
      {poll.status === 'open' && poll.closesAt ? <PollCountdown closesAt={poll.closesAt} /> : null}
      {poll.status === 'open' ? (
        <PollBallot poll={poll} results={results} showResults={showResults} />
      ) : (
        <PollResultList results={results} showResults={poll.status === 'closed'} />
      )}
      {poll.resultsHidden ? (
        <p className="hx-muted" data-testid="poll-results-hidden">
          {t(`polls.resultsHidden.${poll.resultsVisibility}`)}
        </p>
      ) : null}
      {showResults ? <GroupSplitTable results={results} anonymous={poll.anonymous} /> : null}
      {canModerate ? <PollModeration poll={poll} onEdit={() => setEditing(true)} /> : null}
    </article>
  );
}
