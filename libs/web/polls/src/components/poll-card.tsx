import type { Poll } from '@helix/contract';
import { publicOrigin, seedInitiativeHref } from '@helix/web/data-access';
import { LinkifiedText } from '@helix/web/ui';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { winningOption } from '../lib/format-results';
import { pollVoteUrl, resultThreadPath } from '../lib/poll-links';
import { computePollResults } from '../lib/poll-results';
import { FormatBallot } from './format-ballots';
import { FormatResults } from './format-results';
import { GroupSplitTable } from './group-split-table';
import { LazyPollComposer, LazyPollModeration } from './moderator-tools';
import { PollCountdown } from './poll-countdown';
import { PollBallot, PollResultList } from './poll-options';

export const pollElementId = (pollId: string): string => `poll-${pollId}`;

export function PollMeta({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  return (
    <p className="hx-card__meta">
      <span className={`hx-badge hx-badge--${poll.status}`}>{t(`polls.status.${poll.status}`)}</span>
      <span>
        {poll.kind !== 'choice'
          ? t(`polls.kinds.${poll.kind}`)
          : poll.multiple
            ? t('polls.chooseMany')
            : t('polls.chooseOne')}
      </span>
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

/**
 * "Start an initiative from this" under a closed poll's winning option: the initiative form, prefilled with
 * the option as its title and a summary naming the poll, with a link back to it.
 */
function SeedInitiativeLink({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const winner = winningOption(poll);
  if (!winner) return null;
  const href = seedInitiativeHref({
    roomId: poll.roomId,
    title: winner.label,
    summary: t('polls.seed.summary', {
      option: winner.label,
      question: poll.question,
      link: pollVoteUrl(publicOrigin(), poll.roomId, poll.id),
    }),
  });
  return (
    <p>
      <Link className="hx-button hx-button--secondary" to={href} data-testid="seed-initiative">
        {t('polls.seed.start', { option: winner.label })}
      </Link>
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
    return <LazyPollComposer roomId={poll.roomId} poll={poll} onDone={() => setEditing(false)} />;
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
      {poll.kind === 'choice' ? (
        <>
          {poll.status === 'open' ? (
            <PollBallot poll={poll} results={results} showResults={showResults} />
          ) : (
            <PollResultList results={results} showResults={poll.status === 'closed'} />
          )}
          {showResults ? <GroupSplitTable results={results} anonymous={poll.anonymous} /> : null}
        </>
      ) : poll.status === 'draft' ? (
        <PollResultList results={results} showResults={false} />
      ) : (
        <>
          {poll.status === 'open' ? <FormatBallot poll={poll} /> : null}
          {showResults ? <FormatResults poll={poll} canModerate={canModerate} /> : null}
        </>
      )}
      {poll.resultsHidden ? (
        <p className="hx-muted" data-testid="poll-results-hidden">
          {t(`polls.resultsHidden.${poll.resultsVisibility}`)}
        </p>
      ) : null}
      {poll.status === 'closed' && poll.resultThreadId ? (
        <p>
          <Link
            className="hx-button hx-button--secondary"
            to={resultThreadPath(poll.roomId, poll.resultThreadId)}
            data-testid="discuss-result"
          >
            {t('polls.resultPost.discuss')}
          </Link>
        </p>
      ) : null}
      <SeedInitiativeLink poll={poll} />
      {canModerate ? <LazyPollModeration poll={poll} onEdit={() => setEditing(true)} /> : null}
    </article>
  );
}
