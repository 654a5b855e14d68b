import type { Poll } from '@helix/contract';
import { Button } from '@helix/web/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVotePoll } from '../api/vote-poll';
import type { OptionResult, PollResults } from '../lib/poll-results';
import { PollResultBar } from './poll-result-bar';

function OptionText({ option, id }: { option: OptionResult; id?: string }) {
  const { t } = useTranslation();
  return (
    <span className="hx-poll-option__text" id={id}>
      <span className="hx-poll-option__label">{option.label}</span>
      {option.mine ? <span className="hx-badge hx-badge--mine">{t('polls.yourVote')}</span> : null}
    </span>
  );
}

function OptionResultText({ option, id }: { option: OptionResult; id?: string }) {
  const { t } = useTranslation();
  return (
    <span className="hx-poll-option__result" id={id} data-testid="poll-option-result">
      {t('polls.result', { percent: option.percent, count: option.votes })}
    </span>
  );
}

/** Results without a ballot: a closed poll; or, without results, a draft's options. */
export function PollResultList({
  results,
  showResults = true,
}: {
  results: PollResults;
  showResults?: boolean;
}) {
  return (
    <ul className="hx-poll-options">
      {results.options.map((option) => (
        <li
          key={option.id}
          className="hx-poll-option"
          data-testid="poll-option"
          data-mine={option.mine || undefined}
        >
          <div className="hx-poll-option__choice hx-poll-option__choice--static">
            <OptionText option={option} />
            {showResults ? (
              <>
                <OptionResultText option={option} />
                <PollResultBar option={option} split={results.groups.length > 0} />
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/**
 * The ballot of an open poll, with the live results in each option unless they are hidden from this
 * person. Single choice votes on the tap; multiple choice collects ticks and votes with the button. Voting
 * again replaces the ballot.
 */
export function PollBallot({
  poll,
  results,
  showResults,
}: {
  poll: Poll;
  results: PollResults;
  showResults: boolean;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  const vote = useVotePoll(poll);
  const myVoteKey = (poll.myVote ?? []).join(',');
  const [selection, setSelection] = useState<string[]>(poll.myVote ?? []);
  const [syncedVote, setSyncedVote] = useState(myVoteKey);
  if (syncedVote !== myVoteKey) {
    setSyncedVote(myVoteKey);
    setSelection(poll.myVote ?? []);
  }
  const selectionChanged = [...selection].sort().join(',') !== [...(poll.myVote ?? [])].sort().join(',');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (selection.length && selectionChanged) vote.mutate(selection);
  };

  const onChoose = (optionId: string, checked: boolean) => {
    if (!poll.multiple) {
      if (checked) vote.mutate([optionId]);
      return;
    }
    setSelection((current) =>
      checked
        ? [...current.filter((id) => id !== optionId), optionId]
        : current.filter((id) => id !== optionId),
    );
  };

  return (
    <form onSubmit={onSubmit} className="hx-poll-ballot" aria-busy={vote.isPending || undefined}>
      <fieldset className="hx-poll-fieldset">
        <legend className="hx-visually-hidden">{poll.question}</legend>
        <ul className="hx-poll-options">
          {results.options.map((option, index) => {
            const checked = poll.multiple ? selection.includes(option.id) : option.mine;
            return (
              <li
                key={option.id}
                className="hx-poll-option"
                data-testid="poll-option"
                data-mine={option.mine || undefined}
              >
                <label className="hx-poll-option__choice">
                  <input
                    className="hx-poll-option__input"
                    type={poll.multiple ? 'checkbox' : 'radio'}
                    name={`poll-${poll.id}`}
                    value={option.id}
                    checked={checked}
                    onChange={(event) => onChoose(option.id, event.target.checked)}
                    aria-labelledby={`${baseId}-${index}-text`}
                    aria-describedby={showResults ? `${baseId}-${index}-result` : undefined}
                  />
                  <OptionText option={option} id={`${baseId}-${index}-text`} />
                  {showResults ? (
                    <>
                      <OptionResultText option={option} id={`${baseId}-${index}-result`} />
                      <PollResultBar option={option} split={results.groups.length > 0} />
                    </>
                  ) : null}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="hx-row">
        {poll.multiple ? (
          <Button type="submit" disabled={!selection.length || !selectionChanged}>
            {poll.myVote ? t('polls.changeVote') : t('polls.vote')}
          </Button>
        ) : null}
        <span role="status" className="hx-muted">
          {vote.isPending ? t('polls.sending') : poll.myVote ? t('polls.voted') : ''}
        </span>
      </div>
      {vote.error ? (
        <p className="hx-error" role="alert">
          {t('polls.voteFailed', { message: vote.error.message })}
        </p>
      ) : null}
    </form>
  );
}
