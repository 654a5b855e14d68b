import {
  ANONYMOUS_GROUP_MIN_VOTERS,
  POLL_KIND_OPTIONS_MIN,
  POLL_KINDS,
  RATING_SCALES,
  POLL_OPTION_MAX,
  POLL_OPTIONS_MAX,
  POLL_QUESTION_MAX,
  POLL_RESULTS_VISIBILITIES,
  type Poll,
  type RatingScale,
} from '@helix/contract';
import { useClientKey } from '@helix/web/data-access';
import { ActionError, Button, TextAreaField, TextField } from '@helix/web/ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreatePoll } from '../api/create-poll';
import { useUpdatePoll } from '../api/update-poll';
import { emptyPollDraft, validatePollDraft, type PollDraft, type PollDraftProblem } from '../lib/poll-draft';

const fromPoll = (poll: Poll): PollDraft => ({
  question: poll.question,
  options: poll.options.map((option) => option.label),
  multiple: poll.multiple,
  anonymous: poll.anonymous,
  resultsVisibility: poll.resultsVisibility,
  kind: poll.kind,
  scale: poll.formatResult?.kind === 'rating' ? (poll.formatResult.scale as RatingScale) : undefined,
});

/**
 * Moderators draft a poll, or edit a draft: question, 2 to 10 options, single or multiple, anonymous, and
 * when participants see the results.
 */
export function PollComposer({
  roomId,
  poll,
  onDone,
}: {
  roomId: string;
  /** The draft to edit; without it a new draft is made. */
  poll?: Poll;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const createPoll = useCreatePoll(roomId);
  const updatePoll = useUpdatePoll();
  const mutation = poll ? updatePoll : createPoll;
  const [draft, setDraft] = useState<PollDraft>(() => (poll ? fromPoll(poll) : emptyPollDraft()));
  const [problems, setProblems] = useState<PollDraftProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const focusOption = useRef<number | null>(null);

  useEffect(() => {
    // A new option row takes the focus, so typing can go on without reaching for the pointer.
    if (focusOption.current === null) return;
    document.getElementById(`${headingId}-option-${focusOption.current}`)?.focus();
    focusOption.current = null;
  }, [draft.options.length, headingId]);

  // One key per draft: a double click on Create makes one poll; a changed draft is another poll.
  const clientKey = useClientKey();
  const change = (next: Partial<PollDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setSaved(false);
    clientKey.renew();
  };
  const setOption = (index: number, value: string) =>
    change({ options: draft.options.map((option, at) => (at === index ? value : option)) });
  const addOption = () => {
    focusOption.current = draft.options.length;
    change({ options: [...draft.options, ''] });
  };
  const removeOption = (index: number) => change({ options: draft.options.filter((_, at) => at !== index) });

  const problemText = (problem: PollDraftProblem | undefined): string | undefined => {
    if (!problem) return undefined;
    switch (problem.reason) {
      case 'required':
        return problem.field === 'question'
          ? t('polls.composer.questionRequired')
          : t('polls.composer.optionRequired');
      case 'tooLong':
        return t('polls.composer.tooLong');
      case 'tooFew':
        return t('polls.composer.tooFew', { count: fewestOptions });
      case 'tooMany':
        return t('polls.composer.tooMany', { count: POLL_OPTIONS_MAX });
      case 'duplicate':
        return t('polls.composer.duplicate');
    }
  };
  const kind = draft.kind ?? 'choice';
  const fewestOptions = POLL_KIND_OPTIONS_MIN[kind];
  const questionProblem = problems.find((problem) => problem.field === 'question');
  const optionProblem = (index: number) =>
    problems.find((problem) => problem.field === 'option' && problem.index === index);
  const listProblem = problems.find((problem) => problem.field === 'options');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validatePollDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    const onSuccess = () => {
      clientKey.renew();
      setSaved(true);
      if (!poll) setDraft(emptyPollDraft());
      onDone?.();
    };
    if (poll) {
      // A draft keeps its kind and scale: only what an edit may change is sent.
      const { question, options, multiple, anonymous } = checked.request;
      updatePoll.mutate({ pollId: poll.id, question, options, anonymous, multiple }, { onSuccess });
    } else createPoll.mutate({ ...checked.request, clientId: clientKey.take() }, { onSuccess });
  };

  return (
    <form
      onSubmit={onSubmit}
      className="hx-card hx-poll-composer"
      aria-labelledby={headingId}
      data-testid="poll-composer"
      noValidate
    >
      <h3 id={headingId}>{poll ? t('polls.composer.editTitle') : t('polls.composer.newTitle')}</h3>
      <TextAreaField
        label={t('polls.composer.question')}
        name="question"
        rows={2}
        maxLength={POLL_QUESTION_MAX}
        value={draft.question}
        onChange={(event) => change({ question: event.target.value })}
        error={problemText(questionProblem)}
      />
      {poll ? null : (
        <RadioChoice
          legend={t('polls.composer.kind')}
          name={`${headingId}-kind`}
          choices={POLL_KINDS}
          value={kind}
          label={(one) => t(`polls.kinds.${one}`)}
          onChange={(one) => change({ kind: one, multiple: one === 'choice' && draft.multiple })}
        />
      )}
      {kind === 'rating' && !poll ? (
        <RadioChoice
          legend={t('polls.composer.scale')}
          name={`${headingId}-scale`}
          choices={RATING_SCALES}
          value={draft.scale ?? 5}
          label={(scale) => t('polls.composer.scaleUpTo', { scale })}
          onChange={(scale) => change({ scale })}
        />
      ) : null}
      {kind === 'word_cloud' ? (
        <p className="hx-muted">{t('polls.composer.wordCloudHint')}</p>
      ) : (
        <fieldset className="hx-poll-fieldset">
          <legend className="hx-field__label">{t('polls.composer.options')}</legend>
          <ol className="hx-poll-composer__options">
            {draft.options.map((option, index) => (
              <li key={index} className="hx-poll-composer__option">
                <TextField
                  label={t('polls.composer.option', { number: index + 1 })}
                  name={`option-${index}`}
                  maxLength={POLL_OPTION_MAX}
                  value={option}
                  onChange={(event) => setOption(index, event.target.value)}
                  error={problemText(optionProblem(index))}
                  id={`${headingId}-option-${index}`}
                />
                <Button
                  variant="secondary"
                  size="small"
                  disabled={draft.options.length <= Math.max(1, fewestOptions)}
                  onClick={() => removeOption(index)}
                  aria-label={t('polls.composer.removeOption', { number: index + 1 })}
                >
                  {t('polls.composer.remove')}
                </Button>
              </li>
            ))}
          </ol>
          {listProblem ? (
            <p className="hx-field__error" role="alert">
              {problemText(listProblem)}
            </p>
          ) : null}
          <Button variant="secondary" disabled={draft.options.length >= POLL_OPTIONS_MAX} onClick={addOption}>
            {t('polls.composer.addOption')}
          </Button>
        </fieldset>
      )}
      <div className="hx-poll-composer__switches">
        {kind === 'choice' ? (
          <label className="hx-check">
            <input
              type="checkbox"
              checked={draft.multiple}
              onChange={(event) => change({ multiple: event.target.checked })}
            />
            {t('polls.composer.multiple')}
          </label>
        ) : null}
        <label className="hx-check">
          <input
            type="checkbox"
            checked={draft.anonymous}
            onChange={(event) => change({ anonymous: event.target.checked })}
          />
          {t('polls.composer.anonymous', { count: ANONYMOUS_GROUP_MIN_VOTERS })}
        </label>
      </div>
      <RadioChoice
        legend={t('polls.composer.resultsVisibility')}
        name={`${headingId}-results`}
        choices={POLL_RESULTS_VISIBILITIES}
        value={draft.resultsVisibility}
        label={(visibility) => t(`polls.composer.results.${visibility}`)}
        onChange={(visibility) => change({ resultsVisibility: visibility })}
        className="hx-poll-composer__switches"
      />
      <ActionError error={mutation.error} />
      <div className="hx-row">
        <Button type="submit" disabled={mutation.isPending}>
          {poll ? t('polls.composer.saveChanges') : t('polls.composer.saveDraft')}
        </Button>
        {poll && onDone ? (
          <Button variant="secondary" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        ) : null}
        <span role="status" className="hx-muted">
          {saved && !poll ? t('polls.composer.saved') : ''}
        </span>
      </div>
    </form>
  );
}

/** One choice among a few, as radio buttons under a legend: the poll's kind, a rating's scale, who sees results. */
function RadioChoice<Choice extends string | number>({
  legend,
  name,
  choices,
  value,
  label,
  onChange,
  className = 'hx-poll-composer__kinds',
}: {
  legend: string;
  name: string;
  choices: readonly Choice[];
  value: Choice;
  label: (choice: Choice) => string;
  onChange: (choice: Choice) => void;
  className?: string;
}) {
  return (
    <fieldset className="hx-poll-fieldset">
      <legend className="hx-field__label">{legend}</legend>
      <div className={className}>
        {choices.map((choice) => (
          <label key={choice} className="hx-check">
            <input
              type="radio"
              name={name}
              value={choice}
              checked={value === choice}
              onChange={() => onChange(choice)}
            />
            {label(choice)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
