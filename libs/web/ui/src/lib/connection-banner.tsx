import { useTranslation } from 'react-i18next';

export type ConnectionBannerState = 'connected' | 'reconnecting' | 'offline';

/** Always present (tests and screen readers watch it); says something only when live updates are off. */
export function ConnectionBanner({ state }: { state: ConnectionBannerState }) {
  const { t } = useTranslation();
  return (
    <div
      className={`hx-connection hx-connection--${state}`}
      data-testid="connection-state"
      data-state={state}
      aria-live="polite"
      role="status"
    >
      {state === 'reconnecting' ? t('connection.reconnecting') : null}
      {state === 'offline' ? t('connection.offline') : null}
    </div>
  );
}
