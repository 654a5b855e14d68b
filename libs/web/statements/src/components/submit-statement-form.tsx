import { STATEMENT_TEXT_MAX } from '@helix/contract';
import { newClientId } from '@helix/web/data-access';
import { Button, TextAreaField } from '@helix/web/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmitStatement } from '../api/statements-api';

/** A short statement for everyone to vote on; a moderator approves it first. */
export function SubmitStatementForm({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const submit = useSubmitStatement(roomId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  // One id per statement: a retry after a lost answer must not submit it twice.
  const clientId = useRef<string | null>(null);

  const send = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError(t('statements.submit.required'));
      return;
    }
    setError(null);
    setNotice('');
    clientId.current ??= newClientId();
    submit.mutate(
      { text: trimmed, clientId: clientId.current },
      {
        onSuccess: (statement) => {
          clientId.current = null;
          setText('');
          setNotice(
            t(statement.status === 'pending' ? 'statements.submit.waiting' : 'statements.submit.posted'),
          );
        },
      },
    );
  };

  return (
    <form className="hx-form" onSubmit={send} noValidate data-testid="submit-statement">
      <TextAreaField
        label={t('statements.submit.label')}
        value={text}
        rows={2}
        maxLength={STATEMENT_TEXT_MAX}
        error={error}
        onChange={(event) => {
          setText(event.target.value);
          clientId.current = null;
        }}
      />
      <div className="hx-row">
        <Button type="submit" disabled={submit.isPending}>
          {t('statements.submit.submit')}
        </Button>
      </div>
      <p role="status">{notice}</p>
      {submit.isError ? (
        <p className="hx-error" role="alert">
          {t('statements.submit.failed', { message: submit.error.message })}
        </p>
      ) : null}
    </form>
  );
}
