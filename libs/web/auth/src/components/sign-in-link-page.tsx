import { Spinner, useDocumentTitle } from '@helix/web/ui';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useSignInWithLink } from '../api/email-links';
import { requestErrorText } from './request-error';

/** The page a sign-in e-mail opens (`/sign-in-link?token=…`): it signs in once, then goes to the rooms. */
export function SignInLinkPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const signIn = useSignInWithLink();
  useDocumentTitle(t('auth.signInTitle'));
  // The token works once: a second effect run (React's strict mode) must not spend a second try.
  const tried = useRef(false);
  const { mutate } = signIn;
  useEffect(() => {
    if (tried.current || !token) return;
    tried.current = true;
    mutate(token);
  }, [mutate, token]);

  if (signIn.isSuccess) return <Navigate to="/rooms" replace />;
  if (signIn.isError || !token) {
    return (
      <section aria-labelledby="link-heading" className="hx-form">
        <h1 id="link-heading">{t('auth.signInTitle')}</h1>
        <p className="hx-error" role="alert">
          {token ? requestErrorText(signIn.error, t) : t('auth.linkMissing')}
        </p>
        <p>
          <Link to="/sign-in-by-email">{t('auth.askAgain')}</Link>
        </p>
      </section>
    );
  }
  return <Spinner />;
}
