import { MODERATION_REASON_MAX, type Question } from '@helix/contract';
import { ActionError, Button, followFocus, TextField, useFollowFocus } from '@helix/web/ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useModerateQuestion } from '../api/moderate-question';

/** What a moderator does with one question; dismissing asks for an optional reason first. */
export function QuestionModeration({ question }: { question: Question }) {
  const { t } = useTranslation();
  const moderate = useModerateQuestion();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const dismissRef = useRef<HTMLButtonElement>(null);
  const wasDismissing = useRef(false);
  const group = useRef<HTMLDivElement>(null);
  // Every decision moves the question to another list, its buttons with it: the focus follows it there.
  const focusKey = `question:${question.id}`;
  useFollowFocus(focusKey, group, question.status);

  useEffect(() => {
    if (dismissing) document.getElementById(reasonId)?.focus();
    else if (wasDismissing.current) dismissRef.current?.focus();
    wasDismissing.current = dismissing;
  }, [dismissing, reasonId]);

  const onError = () => followFocus.cancel(focusKey);
  const act = (status: 'approved' | 'answered') => {
    followFocus.start(focusKey);
    moderate.mutate({ questionId: question.id, status }, { onError });
  };
  const dismiss = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    followFocus.start(focusKey);
    moderate.mutate(
      { questionId: question.id, status: 'dismissed', ...(trimmed ? { reason: trimmed } : {}) },
      {
        onSuccess: () => {
          setDismissing(false);
          setReason('');
        },
        onError,
      },
    );
  };

  const { status } = question;
  return (
    <div className="hx-question__moderation">
      <div ref={group} className="hx-row" role="group" aria-label={t('qa.moderation')}>
        {status === 'pending' ? (
          <Button size="small" disabled={moderate.isPending} onClick={() => act('approved')}>
            {t('qa.approve')}
          </Button>
        ) : null}
        {status === 'approved' ? (
          <Button
            size="small"
            variant="secondary"
            disabled={moderate.isPending}
            onClick={() => act('answered')}
          >
            {t('qa.markAnswered')}
          </Button>
        ) : null}
        {status === 'answered' || status === 'dismissed' ? (
          <Button
            size="small"
            variant="secondary"
            disabled={moderate.isPending}
            onClick={() => act('approved')}
          >
            {t('qa.reopen')}
          </Button>
        ) : null}
        {status === 'pending' || status === 'approved' ? (
          <button
            ref={dismissRef}
            type="button"
            className="hx-button hx-button--danger hx-button--small"
            aria-expanded={dismissing}
            disabled={moderate.isPending}
            onClick={() => setDismissing((open) => !open)}
          >
            {t('qa.dismiss')}
          </button>
        ) : null}
      </div>
      {dismissing ? (
        <form className="hx-question__dismiss" onSubmit={dismiss}>
          <TextField
            id={reasonId}
            label={t('qa.dismissReason')}
            value={reason}
            maxLength={MODERATION_REASON_MAX}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="hx-row">
            <Button type="submit" size="small" variant="danger" disabled={moderate.isPending}>
              {t('qa.confirmDismiss')}
            </Button>
            <Button size="small" variant="secondary" onClick={() => setDismissing(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
      <ActionError error={moderate.error} />
    </div>
  );
}
