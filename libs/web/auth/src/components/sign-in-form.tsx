import { Button, TextField, useDocumentTitle } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSignIn } from '../api/sign-in';
import { requestErrorText } from './request-error';

export function SignInForm() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  // Where the visitor was going (a room's QR link): kept when they switch to creating an account.
  const { state } = useLocation();
  useDocumentTitle(t('auth.signInTitle'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };

  // A refusal (wrong password, too many tries) is the server's own sentence, worded in the UI language.
  const error = requestErrorText(signIn.error, t);

  return (
    <section aria-labelledby="sign-in-heading" className="hx-form">
      <h1 id="sign-in-heading">{t('auth.signInTitle')}</h1>
      <form onSubmit={onSubmit} noValidate={false}>
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {error ? (
          <p className="hx-error" role="alert">
            {error}
          </p>
        ) : null}
        <Button type="submit" disabled={signIn.isPending}>
          {t('auth.signIn')}
        </Button>
      </form>
      <p className="hx-auth-links">
        <Link to="/forgot-password">{t('auth.forgotPassword')}</Link>
        {' · '}
        <Link to="/sign-in-by-email" state={state}>
          {t('auth.emailMeALink')}
        </Link>
      </p>
      <p>
        {t('auth.noAccount')}{' '}
        <Link to="/sign-up" state={state}>
          {t('auth.createAccountLink')}
        </Link>
      </p>
    </section>
  );
}
