import { Button, TextField, useDocumentTitle } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRequestEmailLink, type EmailLinkKind } from '../api/email-links';
import { requestErrorText } from './request-error';

/** "Forgot password?" and "E-mail me a sign-in link": one address in, a link in the inbox out. */
export function EmailLinkForm({ kind }: { kind: EmailLinkKind }) {
  const { t } = useTranslation();
  const request = useRequestEmailLink(kind);
  const [email, setEmail] = useState('');
  const title = kind === 'password-reset' ? t('auth.resetTitle') : t('auth.linkTitle');
  useDocumentTitle(title);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate({ email: email.trim() });
  };

  return (
    <section aria-labelledby="email-link-heading" className="hx-form">
      <h1 id="email-link-heading">{title}</h1>
      {request.isSuccess ? (
        // Said alike for every address: the server does not tell who has an account, and neither do we.
        <p role="status">{t('auth.linkSent', { email: email.trim() })}</p>
      ) : (
        <form onSubmit={onSubmit}>
          <p>{kind === 'password-reset' ? t('auth.resetIntro') : t('auth.linkIntro')}</p>
          <TextField
            label={t('auth.email')}
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          {request.error ? (
            <p className="hx-error" role="alert">
              {requestErrorText(request.error, t)}
            </p>
          ) : null}
          <Button type="submit" disabled={request.isPending}>
            {t('auth.sendLink')}
          </Button>
        </form>
      )}
      <p>
        <Link to="/sign-in">{t('auth.backToSignIn')}</Link>
      </p>
    </section>
  );
}
