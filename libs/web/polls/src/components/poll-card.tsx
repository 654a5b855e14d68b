import type { Poll } from '@helix/contract';
import { LinkifiedText } from '@helix/web/ui';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computePollResults } from '../lib/poll-results';
import { GroupSplitTable } from './group-split-table';
import { PollComposer } from './poll-composer';
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
      {poll.status !== 'draft' ? (
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
  const headingId = useId();
  const results = useMemo(() => computePollResults(poll), [poll]);
  const [editing, setEditing] = useState(false);

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
      {poll.status === 'open' ? (
        <PollBallot poll={poll} results={results} />
      ) : (
        <PollResultList results={results} showResults={poll.status === 'closed'} />
      )}
      {poll.status !== 'draft' ? <GroupSplitTable results={results} anonymous={poll.anonymous} /> : null}
      {canModerate ? <PollModeration poll={poll} onEdit={() => setEditing(true)} /> : null}
    </article>
  );
}
