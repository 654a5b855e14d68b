import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const MAIN_CONTENT_ID = 'main-content';

/** Page shell: skip link, banner header, one main landmark, footer. */
export function Layout({
  header,
  banner,
  children,
}: {
  header: ReactNode;
  banner?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="hx-shell">
      <a className="hx-skip-link" href={`#${MAIN_CONTENT_ID}`}>
        {t('layout.skipToContent')}
      </a>
      <header className="hx-header">{header}</header>
      {banner}
      <main id={MAIN_CONTENT_ID} className="hx-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
