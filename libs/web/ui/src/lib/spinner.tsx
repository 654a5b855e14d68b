import { useTranslation } from 'react-i18next';

export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="hx-spinner" role="status">
      <span className="hx-spinner__dot" aria-hidden="true" />
      <span className="hx-spinner__label">{label ?? t('common.loading')}</span>
    </div>
  );
}
