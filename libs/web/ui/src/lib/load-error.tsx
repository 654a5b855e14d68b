import { useTranslation } from 'react-i18next';
import { Button } from './button';

/** Something failed to load: says what, and offers to try again (one alert, read out once). */
export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <p className="hx-error">{message}</p>
      <Button onClick={onRetry}>{t('common.retry')}</Button>
    </div>
  );
}
