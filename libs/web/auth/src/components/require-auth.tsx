import { useCurrentUser, useHasSession } from '@helix/web/data-access';
import { LoadError, Spinner } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';

/** Route guard: signed-out visitors go to sign-in and come back afterwards. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const hasSession = useHasSession();
  const me = useCurrentUser();
  if (!hasSession) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.isPending) return <Spinner />;
  if (me.isError) {
    return <LoadError message={t('auth.sessionLoadFailed')} onRetry={() => void me.refetch()} />;
  }
  return <Outlet />;
}

/**
 * Sign-in and sign-up pages send a signed-in visitor on to where they were going (kept in the history
 * state by RequireAuth and across the links between the two pages), else to the rooms.
 */
export function RedirectIfSignedIn() {
  const hasSession = useHasSession();
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  // Only a path of this app: `//host/…` would be another site.
  const inApp = typeof from === 'string' && from.startsWith('/') && !from.startsWith('//');
  if (hasSession) return <Navigate to={inApp ? from : '/rooms'} replace />;
  return <Outlet />;
}
