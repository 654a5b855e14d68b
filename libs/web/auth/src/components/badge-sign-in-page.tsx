import { useHasSession } from '@helix/web/data-access';
import { Spinner, useDocumentTitle } from '@helix/web/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { useSignInWithBadge } from '../api/badge-sign-in';
import { deviceId } from '../lib/device-id';
import { requestErrorText } from './request-error';

/**
 * The page a badge's QR code opens (`/b/<token>`). A device that is signed in already keeps its session and
 * goes on to the rooms without spending the link; any other device is signed in by it, once.
 */
export function BadgeSignInPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const hasSession = useHasSession();
  // Whether the device was signed in when it opened the link; signing in with it must not change that.
  const [keepsSession] = useState(hasSession);
  const signIn = useSignInWithBadge();
  useDocumentTitle(t('auth.badgeTitle'));
  // React's strict mode runs effects twice: one scan is one sign-in.
  const tried = useRef(false);
  const { mutate } = signIn;
  useEffect(() => {
    if (tried.current || keepsSession) return;
    tried.current = true;
    mutate({ token, deviceId: deviceId() });
  }, [keepsSession, mutate, token]);

  if (signIn.isSuccess || keepsSession) return <Navigate to="/rooms" replace />;
  if (signIn.isError) {
    return (
      <section aria-labelledby="badge-heading" className="hx-form">
        <h1 id="badge-heading">{t('auth.badgeTitle')}</h1>
        <p className="hx-error" role="alert">
          {requestErrorText(signIn.error, t)}
        </p>
        <p>{t('auth.badgeHelp')}</p>
      </section>
    );
  }
  return <Spinner />;
}
