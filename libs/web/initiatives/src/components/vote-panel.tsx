import { REASON_MAX, VOTE_POSITIONS, type Initiative, type VotePosition } from '@helix/contract';
import { Button, TextAreaField } from '@helix/web/ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVoteInitiative } from '../api/vote-initiative';

const ICONS: Record<VotePosition, string> = { agree: '✓', abstain: '–', disagree: '✗', block: '⊘' };
const needsReason = (position: VotePosition | null): position is 'disagree' | 'block' =>
  position === 'disagree' || position === 'block';

/**
 * Four big buttons, one per position; the pressed one is the viewer's vote. Agree and abstain count at
 * once; disagree and block first ask for the reason the others will read and what would have to change.
 */
export function VotePanel({ initiative, canVote }: { initiative: Initiative; canVote: boolean }) {
  const { t } = useTranslation();
  const vote = useVoteInitiative(initiative.id);
  const mine = initiative.myVote;
  const [choice, setChoice] = useState<VotePosition | null>(null);
  const [reason, setReason] = useState('');
  const [wouldChange, setWouldChange] = useState('');
  const [missing, setMissing] = useState<{ reason: boolean; wouldChange: boolean } | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const reasonId = useId();
  const wouldChangeId = useId();
  const pending = choice !== null && needsReason(choice);

  useEffect(() => {
    // Asking for a reason was the user's own step: take them to the field.
    if (pending) document.getElementById(reasonId)?.focus();
  }, [pending, reasonId]);

  const send = (position: VotePosition, objection?: { reason: string; wouldChange: string }) =>
    vote.mutate(objection ? { position, ...objection } : { position }, {
      onSuccess: () => {
        setChoice(null);
        setMissing(null);
        // Focus lands on the confirmation, which names the vote that now counts.
        statusRef.current?.focus();
      },
    });

  const pick = (position: VotePosition) => {
    if (needsReason(position)) {
      setChoice(position);
      setReason(mine?.position === position ? (mine.reason ?? '') : '');
      setWouldChange(mine?.position === position ? (mine.wouldChange ?? '') : '');
      setMissing(null);
      return;
    }
    setChoice(null);
    send(position);
  };

  const submitReason = (event: FormEvent) => {
    event.preventDefault();
    const objection = { reason: reason.trim(), wouldChange: wouldChange.trim() };
    if (!choice || !objection.reason || !objection.wouldChange) {
      setMissing({ reason: !objection.reason, wouldChange: !objection.wouldChange });
      document.getElementById(objection.reason ? wouldChangeId : reasonId)?.focus();
      return;
    }
    send(choice, objection);
  };

  const pressed = choice ?? mine?.position ?? null;
  return (
    <section aria-labelledby="vote-heading" className="hx-vote">
      <h2 id="vote-heading">{t('initiatives.vote.title')}</h2>
      <p ref={statusRef} tabIndex={-1} className="hx-vote__current" role="status" data-testid="my-vote">
        {mine
          ? t('initiatives.vote.current', { position: t(`initiatives.positions.${mine.position}`) })
          : t('initiatives.vote.none')}
        {mine?.reason ? (
          <>
            {' '}
            <span className="hx-muted">{t('initiatives.vote.yourReason', { reason: mine.reason })}</span>
          </>
        ) : null}
      </p>
      {mine && mine.revision < initiative.revision ? (
        <p className="hx-notice" data-testid="vote-carried-over">
          {t('initiatives.vote.carriedOver', { revision: initiative.revision })}
        </p>
      ) : null}
      {canVote ? (
        <>
          <fieldset className="hx-vote__fieldset" disabled={vote.isPending}>
            <legend>{t('initiatives.vote.legend')}</legend>
            <div className="hx-vote__buttons">
              {VOTE_POSITIONS.map((position) => (
                <button
                  key={position}
                  type="button"
                  className={`hx-vote__button hx-vote__button--${position}`}
                  aria-pressed={pressed === position}
                  onClick={() => pick(position)}
                >
                  <span className="hx-vote__icon" aria-hidden="true">
                    {ICONS[position]}
                  </span>
                  {t(`initiatives.positions.${position}`)}
                  {pressed === position ? (
                    <span className="hx-vote__check" aria-hidden="true">
                      ✔
                    </span>
                  ) : null}
                </button>
              ))}
            </div>
            <p className="hx-field__hint">{t('initiatives.vote.hint')}</p>
          </fieldset>
          {pending ? (
            <form className="hx-vote__reason" onSubmit={submitReason} noValidate>
              <TextAreaField
                id={reasonId}
                label={t(`initiatives.vote.reasonLabel.${choice}`)}
                hint={t('initiatives.vote.reasonHint')}
                value={reason}
                maxLength={REASON_MAX}
                rows={3}
                required
                error={missing?.reason ? t('initiatives.vote.reasonRequired') : undefined}
                onChange={(event) => setReason(event.target.value)}
              />
              <TextAreaField
                id={wouldChangeId}
                label={t('initiatives.vote.wouldChangeLabel')}
                hint={t('initiatives.vote.wouldChangeHint')}
                value={wouldChange}
                maxLength={REASON_MAX}
                rows={3}
                required
                error={missing?.wouldChange ? t('initiatives.vote.wouldChangeRequired') : undefined}
                onChange={(event) => setWouldChange(event.target.value)}
              />
              <div className="hx-row">
                <Button type="submit" disabled={vote.isPending}>
                  {t(`initiatives.vote.submit.${choice}`)}
                </Button>
                <Button variant="secondary" onClick={() => setChoice(null)}>
                  {t('common.cancel')}
                </Button>
              </div>
            </form>
          ) : null}
          {vote.error ? (
            <p className="hx-error" role="alert">
              {t('initiatives.vote.failed', { message: vote.error.message })}
            </p>
          ) : null}
        </>
      ) : (
        <p className="hx-muted">{t('initiatives.vote.closed')}</p>
      )}
    </section>
  );
}
