import { PASSWORD_MIN_LENGTH } from '@helix/contract';
import { Button, TextField, useDocumentTitle } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useResetPassword } from '../api/email-links';
import { requestErrorText } from './request-error';

/** The page a password reset e-mail opens (`/reset-password?token=…`). */
export function ResetPasswordForm() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();
  useDocumentTitle(t('auth.newPasswordTitle'));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < PASSWORD_MIN_LENGTH) {
      setPasswordError(t('auth.passwordTooShort', { count: PASSWORD_MIN_LENGTH }));
      return;
    }
    setPasswordError(undefined);
    reset.mutate({ token, password });
  };

  return (
    <section aria-labelledby="new-password-heading" className="hx-form">
      <h1 id="new-password-heading">{t('auth.newPasswordTitle')}</h1>
      {reset.isSuccess ? (
        <p role="status">
          {t('auth.passwordChanged')} <Link to="/sign-in">{t('auth.signInLink')}</Link>
        </p>
      ) : (
        <form onSubmit={onSubmit}>
          <TextField
            label={t('auth.newPassword')}
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            maxLength={200}
            hint={t('auth.passwordHint', { count: PASSWORD_MIN_LENGTH })}
            error={passwordError}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {reset.error ? (
            <p className="hx-error" role="alert">
              {requestErrorText(reset.error, t)} <Link to="/forgot-password">{t('auth.askAgain')}</Link>
            </p>
          ) : null}
          <Button type="submit" disabled={reset.isPending || !token}>
            {t('auth.setPassword')}
          </Button>
        </form>
      )}
    </section>
  );
}
