import type { PollResult } from '@helix/contract';
import { LinkifiedText, NewTabLink } from '@helix/web/ui';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pollPath, projectorPath } from '../lib/poll-links';
import { computePollResults } from '../lib/poll-results';
import { FormatResults } from './format-results';
import { GroupSplitTable } from './group-split-table';
import { PollResultList } from './poll-options';

/** What came first, in words: a word cloud's words as they are, the options by their labels. */
function winnersLine(
  result: PollResult,
  join: (names: string[]) => string,
): { key: 'mostGiven' | 'tiedFirst' | 'cameFirst'; names: string } | null {
  const names =
    result.kind === 'word_cloud'
      ? result.winners
      : result.winners.flatMap((id) => result.options.find((option) => option.id === id)?.label ?? []);
  if (!names.length) return null;
  const key = result.kind === 'word_cloud' ? 'mostGiven' : names.length > 1 ? 'tiedFirst' : 'cameFirst';
  return { key, names: join(names) };
}

/**
 * A closed poll's result as Helix posted it into the poll's thread: the question, who came first (in
 * words, so that nothing is told by colour alone), the bars with their percentages and counts, the
 * voters, and the way to the poll and its full-screen view. The group split is folded away.
 */
export function PollResultCard({ result }: { result: PollResult }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const poll = useMemo(() => ({ ...result, status: 'closed' as const, myVote: null }), [result]);
  const results = useMemo(() => computePollResults(poll), [poll]);
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const winners = winnersLine(result, (names) =>
    list.format(names.map((name) => t('polls.resultPost.quoted', { name }))),
  );
  return (
    <article
      className="hx-result-card"
      aria-labelledby={headingId}
      data-testid="poll-result-card"
      data-poll-id={result.id}
    >
      <h2 id={headingId} className="hx-result-card__heading">
        {t('polls.resultPost.heading')}
      </h2>
      <p className="hx-result-card__question">
        <LinkifiedText text={result.question} />
      </p>
      <p className="hx-card__meta" data-testid="poll-voters">
        {t('polls.voters', { count: result.voters })}
      </p>
      {winners ? (
        <p className="hx-result-card__winner" data-testid="poll-result-winner">
          {t(`polls.resultPost.${winners.key}`, { names: winners.names })}
        </p>
      ) : null}
      {result.kind === 'choice' ? (
        <>
          <PollResultList results={results} />
          <GroupSplitTable results={results} anonymous={result.anonymous} />
        </>
      ) : (
        <FormatResults poll={poll} foldSplit />
      )}
      <p className="hx-row">
        <Link
          className="hx-button hx-button--secondary hx-button--small"
          to={pollPath(result.roomId, result.id)}
        >
          {t('polls.resultPost.openPoll')}
        </Link>
        <NewTabLink href={projectorPath(result.id)}>{t('polls.resultPost.fullScreen')}</NewTabLink>
      </p>
    </article>
  );
}
