import { QUESTION_TEXT_MAX } from '@helix/contract';
import { useClientKey } from '@helix/web/data-access';
import { Button, TextAreaField } from '@helix/web/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAskQuestion } from '../api/ask-question';

/** The audience's ask box: a question, optionally without one's name for the other participants. */
export function AskQuestionForm({ roomId, review }: { roomId: string; review: boolean }) {
  const { t } = useTranslation();
  const ask = useAskQuestion(roomId);
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  // One key per question: a retry after a lost answer must not ask it twice.
  const clientKey = useClientKey();
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError(t('qa.ask.required'));
      return;
    }
    setError(null);
    setNotice('');
    ask.mutate(
      { text: trimmed, anonymous, clientId: clientKey.take() },
      {
        onSuccess: (question) => {
          clientKey.renew();
          setText('');
          setNotice(t(question.status === 'pending' ? 'qa.ask.waiting' : 'qa.ask.posted'));
        },
      },
    );
  };

  return (
    <form className="hx-form hx-qa-ask" onSubmit={submit} noValidate data-testid="ask-question">
      <TextAreaField
        label={t('qa.ask.label')}
        value={text}
        rows={2}
        maxLength={QUESTION_TEXT_MAX}
        error={error}
        onChange={(event) => {
          setText(event.target.value);
          // A changed question is a new question.
          clientKey.renew();
        }}
      />
      <label className="hx-check hx-switch">
        <input
          type="checkbox"
          role="switch"
          checked={anonymous}
          aria-describedby={hintId}
          onChange={(event) => setAnonymous(event.target.checked)}
        />
        <span>{t('qa.ask.anonymous')}</span>
      </label>
      <p id={hintId} className="hx-field__hint hx-qa-ask__hint">
        {t('qa.ask.anonymousHint')}
      </p>
      {review ? <p className="hx-muted">{t('qa.ask.reviewNotice')}</p> : null}
      <div className="hx-row">
        <Button type="submit" disabled={ask.isPending}>
          {ask.isPending ? t('qa.ask.sending') : t('qa.ask.submit')}
        </Button>
      </div>
      <p className="hx-qa-ask__status" role="status">
        {notice}
      </p>
      {ask.isError ? (
        <p className="hx-error" role="alert">
          {t('qa.ask.failed', { message: ask.error.message })}
        </p>
      ) : null}
    </form>
  );
}
