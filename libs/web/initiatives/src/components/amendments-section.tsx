import type { Amendment, Initiative } from '@helix/contract';
import { formatDateTime, useClientKey, useCurrentUser } from '@helix/web/data-access';
import { ActionError, Button, TextAreaField, TextField } from '@helix/web/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswerAmendment, useProposeAmendment, type AmendmentAnswer } from '../api/amendments';
import { PersonLabel } from './initiative-bits';

/** A word diff: insertions and deletions are marked by <ins>/<del>, a sign and words for screen readers, not colour alone. */
export function AmendmentDiff({ diff }: { diff: Amendment['diff'] }) {
  const { t } = useTranslation();
  return (
    <dl className="hx-amendment__diff">
      {diff.map(({ field, parts }) => (
        <div key={field}>
          <dt>{t(`initiatives.amendments.field.${field}`)}</dt>
          <dd className="hx-text">
            {parts.map((part, index) =>
              part.change === 'added' ? (
                <ins key={index} className="hx-diff hx-diff--added">
                  <span className="hx-visually-hidden">{t('initiatives.amendments.added')} </span>
                  <span aria-hidden="true">+</span>
                  {part.value}
                </ins>
              ) : part.change === 'removed' ? (
                <del key={index} className="hx-diff hx-diff--removed">
                  <span className="hx-visually-hidden">{t('initiatives.amendments.removed')} </span>
                  <span aria-hidden="true">−</span>
                  {part.value}
                </del>
              ) : (
                <span key={index}>{part.value}</span>
              ),
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** "Amendment 1 cleared the block of Oleg (Business)": the story of one accepted amendment. */
export function ClearedObjections({ amendment }: { amendment: Amendment }) {
  const { t } = useTranslation();
  if (!amendment.cleared.length) return null;
  return (
    <ul className="hx-amendment__cleared" data-testid="amendment-cleared">
      {amendment.cleared.map((entry) => (
        <li key={entry.user.id}>
          <span aria-hidden="true">✔ </span>
          {t(`initiatives.amendments.cleared.${entry.from}`, {
            number: amendment.number,
            name: entry.user.displayName,
            group: t(`groups.${entry.user.stakeholderGroup}`),
            position: t(`initiatives.positions.${entry.to}`),
          })}
        </li>
      ))}
    </ul>
  );
}

function AnswerForm({ initiative, amendment }: { initiative: Initiative; amendment: Amendment }) {
  const { t } = useTranslation();
  const answer = useAnswerAmendment(initiative.id);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonId = useId();
  const send = (kind: AmendmentAnswer) => {
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById(reasonId)?.focus();
      return;
    }
    answer.mutate({ amendmentId: amendment.id, answer: kind, reason: reason.trim() });
  };
  return (
    <div className="hx-amendment__answer">
      <TextAreaField
        id={reasonId}
        label={t('initiatives.amendments.answerReason')}
        value={reason}
        rows={2}
        maxLength={1000}
        required
        error={missing ? t('initiatives.amendments.reasonRequired') : undefined}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="hx-row">
        <Button disabled={answer.isPending} onClick={() => send('accept')}>
          {t('initiatives.amendments.accept', { number: amendment.number })}
        </Button>
        <Button variant="secondary" disabled={answer.isPending} onClick={() => send('decline')}>
          {t('initiatives.amendments.decline', { number: amendment.number })}
        </Button>
      </div>
      <ActionError error={answer.error} />
    </div>
  );
}

function AmendmentItem({ initiative, amendment }: { initiative: Initiative; amendment: Amendment }) {
  const { t, i18n } = useTranslation();
  const { data: user } = useCurrentUser();
  const canAnswer =
    amendment.status === 'proposed' && initiative.status === 'voting' && user?.id === initiative.proposer.id;
  const headingId = `amendment-${amendment.id}`;
  return (
    <li>
      <article
        className="hx-card hx-amendment"
        aria-labelledby={headingId}
        data-testid="amendment"
        data-status={amendment.status}
      >
        <h3 id={headingId}>
          {t('initiatives.amendments.heading', { number: amendment.number })}{' '}
          <span className={`hx-badge hx-amendment__status hx-amendment__status--${amendment.status}`}>
            {amendment.status === 'accepted'
              ? t('initiatives.amendments.status.accepted', { revision: amendment.revision })
              : t(`initiatives.amendments.status.${amendment.status}`)}
          </span>
        </h3>
        <p className="hx-muted">
          {t('initiatives.amendments.proposedBy')} <PersonLabel user={amendment.proposer} />,{' '}
          {formatDateTime(amendment.createdAt, i18n.language)}
        </p>
        <p className="hx-text">{amendment.rationale}</p>
        <p>
          {t('initiatives.amendments.answers')}{' '}
          {amendment.answers
            .map((answer) => `${answer.user.displayName} (${t(`initiatives.positions.${answer.position}`)})`)
            .join(', ')}
        </p>
        <AmendmentDiff diff={amendment.diff} />
        {amendment.answerReason ? (
          <p>
            <strong>{t('initiatives.amendments.proposerAnswer')}</strong> {amendment.answerReason}
          </p>
        ) : null}
        <ClearedObjections amendment={amendment} />
        {canAnswer ? <AnswerForm initiative={initiative} amendment={amendment} /> : null}
      </article>
    </li>
  );
}

/** While voting is open, anyone proposes a new title or summary answering the objections they tick. */
function ProposeForm({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const propose = useProposeAmendment(initiative.id);
  const [title, setTitle] = useState(initiative.title);
  const [summary, setSummary] = useState(initiative.summary);
  const [rationale, setRationale] = useState('');
  const [answers, setAnswers] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const clientKey = useClientKey();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changed = {
      ...(title.trim() !== initiative.title ? { title: title.trim() } : {}),
      ...(summary.trim() !== initiative.summary ? { summary: summary.trim() } : {}),
    };
    const missing = !Object.keys(changed).length
      ? 'nothingChanged'
      : !answers.length
        ? 'noObjection'
        : !rationale.trim()
          ? 'noRationale'
          : null;
    setProblem(missing);
    if (missing) return;
    propose.mutate(
      { ...changed, answersObjections: answers, rationale: rationale.trim(), clientId: clientKey.take() },
      {
        onSuccess: () => {
          setRationale('');
          setAnswers([]);
          clientKey.renew();
        },
      },
    );
  };
  return (
    <details className="hx-amendment-form">
      <summary>{t('initiatives.amendments.propose')}</summary>
      <form onSubmit={submit} noValidate>
        <fieldset className="hx-amendment-form__objections">
          <legend>{t('initiatives.amendments.answersLegend')}</legend>
          {initiative.objections.map((objection) => (
            <label key={objection.user.id} className="hx-checkbox">
              <input
                type="checkbox"
                checked={answers.includes(objection.user.id)}
                onChange={(event) =>
                  setAnswers((current) =>
                    event.target.checked
                      ? [...current, objection.user.id]
                      : current.filter((id) => id !== objection.user.id),
                  )
                }
              />{' '}
              {objection.user.displayName} ({t(`initiatives.positions.${objection.position}`)})
              {objection.wouldChange ? `: ${objection.wouldChange}` : ''}
            </label>
          ))}
        </fieldset>
        <TextField
          label={t('initiatives.form.title')}
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextAreaField
          label={t('initiatives.form.summary')}
          value={summary}
          maxLength={4000}
          rows={5}
          onChange={(event) => setSummary(event.target.value)}
        />
        <TextAreaField
          label={t('initiatives.amendments.rationale')}
          hint={t('initiatives.amendments.rationaleHint')}
          value={rationale}
          maxLength={1000}
          rows={2}
          required
          onChange={(event) => setRationale(event.target.value)}
        />
        {problem ? (
          <p className="hx-error" role="alert">
            {t(`initiatives.amendments.problem.${problem}`)}
          </p>
        ) : null}
        <Button type="submit" disabled={propose.isPending}>
          {t('initiatives.amendments.submit')}
        </Button>
        <ActionError error={propose.error} />
      </form>
    </details>
  );
}

/** The initiative's amendments and its history of versions: which amendment cleared which objection. */
export function AmendmentsSection({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const canPropose = initiative.status === 'voting' && initiative.objections.length > 0;
  if (!initiative.amendments.length && !canPropose) return null;
  return (
    <section aria-labelledby="amendments-heading" className="hx-amendments" data-testid="amendments">
      <h2 id="amendments-heading">
        {t('initiatives.amendments.title', { count: initiative.amendments.length })}
      </h2>
      <p className="hx-muted">{t('initiatives.amendments.version', { revision: initiative.revision })}</p>
      {initiative.amendments.length ? (
        <ol className="hx-card-list">
          {initiative.amendments.map((amendment) => (
            <AmendmentItem key={amendment.id} initiative={initiative} amendment={amendment} />
          ))}
        </ol>
      ) : null}
      {canPropose ? <ProposeForm initiative={initiative} /> : null}
    </section>
  );
}
