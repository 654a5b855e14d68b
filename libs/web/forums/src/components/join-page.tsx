import { useForumsTranslation } from '../i18n/register';
import { joinCodeSchema } from '@helix/contract';
import { ApiError } from '@helix/web/data-access';
import { Button, TextField, useDocumentTitle } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { joinForum } from '../api/forums-api';

/** Six characters from the projector, typed on a phone: they lead into the live forum's rooms. */
export function JoinPage() {
  const { t } = useForumsTranslation();
  useDocumentTitle(t('forums.join.title'));
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = joinCodeSchema.safeParse(code);
    if (!parsed.success) return setError(t('forums.join.invalid'));
    setPending(true);
    try {
      await joinForum(parsed.data);
      void navigate('/rooms');
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 404
          ? t('forums.join.unknown')
          : t('forums.loadFailed'),
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="hx-forums hx-forums-join">
      <h1>{t('forums.join.title')}</h1>
      <p>{t('forums.join.intro')}</p>
      <form className="hx-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('forums.join.code')}
          value={code}
          maxLength={6}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          className="hx-forums-code"
          error={error ?? undefined}
          onChange={(event) => setCode(event.target.value.toUpperCase())}
        />
        <Button type="submit" disabled={pending}>
          {t('forums.join.submit')}
        </Button>
      </form>
    </div>
  );
}
