import type { Poll } from '@helix/contract';
import { ApiError } from '@helix/web/data-access';
import { Button, Spinner } from '@helix/web/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePoll } from '../api/get-poll';
import { usePollsLive, useRoomJoined } from '../hooks/use-polls-live';
import { computePollResults, type PollResults } from '../lib/poll-results';
import { FormatResults } from './format-results';
import { GroupLegend } from './group-legend';
import { PollResultBar } from './poll-result-bar';

/** A poll, kept live: it joins the poll's room, so every vote shows up, after a reconnect too. */
export function usePresentedPoll(pollId: string) {
  usePollsLive();
  const poll = usePoll(pollId);
  useRoomJoined(poll.data?.roomId);
  const results = useMemo(() => (poll.data ? computePollResults(poll.data) : null), [poll.data]);
  return { poll, results };
}

/**
 * Whether the hall sees the counts: only when every participant may (always, or once closed), unless the
 * moderator chooses to show them, which they can only when their own view carries them.
 */
export function useProjectedCounts(poll: Poll | undefined): { shown: boolean; reveal?: () => void } {
  const [revealed, setRevealed] = useState(false);
  if (!poll || poll.resultsHidden) return { shown: false };
  if (revealed || poll.status === 'closed' || poll.resultsVisibility === 'always') return { shown: true };
  return { shown: false, reveal: () => setRevealed(true) };
}

/** The question of a poll whose results the hall does not see yet, with why and, for moderators, a way to show them. */
export function HiddenPresentResults({ poll, onReveal }: { poll: Poll; onReveal?: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="hx-present__question">{poll.question}</h1>
      <p className="hx-present__status" data-testid="projector-results-hidden">
        {t(`polls.present.resultsHidden.${poll.resultsVisibility}`)}
      </p>
      {onReveal ? (
        <Button variant="secondary" onClick={onReveal}>
          {t('polls.present.showResults')}
        </Button>
      ) : null}
    </>
  );
}

/**
 * The question, one large bar per option, and the group legend; a word cloud, ranking or rating shows its
 * own results instead of the bars.
 */
export function PollPresentResults({
  poll,
  results,
  showVoters = false,
}: {
  poll: Poll;
  results: PollResults;
  showVoters?: boolean;
}) {
  const { t } = useTranslation();
  const split = results.groups.length > 0;
  return (
    <>
      <h1 className="hx-present__question">{poll.question}</h1>
      {showVoters ? (
        <p className="hx-present__voters hx-present__voters--inline" data-testid="projector-voters">
          {t('polls.voters', { count: results.voters })}
          {poll.status !== 'open' ? <span> · {t(`polls.present.${poll.status}`)}</span> : null}
        </p>
      ) : null}
      {poll.kind !== 'choice' ? (
        <FormatResults poll={poll} />
      ) : (
        <>
          <ol className="hx-present__options">
            {results.options.map((option) => (
              <li
                key={option.id}
                className="hx-present__option"
                data-testid="projector-option"
                data-leading={(poll.status === 'closed' && option.leading) || undefined}
              >
                <div className="hx-present__option-head">
                  <span className="hx-present__label">{option.label}</span>
                  <span className="hx-present__numbers" data-testid="projector-option-result">
                    <strong>{t('polls.percent', { percent: option.percent })}</strong>{' '}
                    <span>{t('polls.votes', { count: option.votes })}</span>
                  </span>
                </div>
                <PollResultBar option={option} split={split} />
              </li>
            ))}
          </ol>
          <GroupLegend groups={results.groups} hidden={results.hasHiddenGroups} />
        </>
      )}
    </>
  );
}

/**
 * A poll's live results for a projector screen that has its own frame (a room's presenter page):
 * the content of its main area, with the number of voters.
 */
export function PollPresentView({ pollId }: { pollId: string }) {
  const { t } = useTranslation();
  const { poll, results } = usePresentedPoll(pollId);
  const counts = useProjectedCounts(poll.data);
  if (poll.isPending) return <Spinner />;
  if (!poll.data || !results) {
    return (
      <p role="alert">
        {poll.error instanceof ApiError && poll.error.status === 404
          ? t('polls.present.notFound')
          : t('polls.loadFailed')}
      </p>
    );
  }
  return (
    <div
      className="hx-poll-present"
      data-testid="poll-present"
      data-status={poll.data.status}
      data-kind={poll.data.kind}
    >
      {counts.shown ? (
        <PollPresentResults poll={poll.data} results={results} showVoters />
      ) : (
        <HiddenPresentResults poll={poll.data} onReveal={counts.reveal} />
      )}
    </div>
  );
}
