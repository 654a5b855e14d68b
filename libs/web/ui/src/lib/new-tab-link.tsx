import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A small button-styled link to a page of ours that opens in a new tab (the projector's screens), and
 * says so to screen readers. `noopener` without `noreferrer`: the page is our own.
 */
export function NewTabLink({ href, children }: { href: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <a className="hx-button hx-button--secondary hx-button--small" href={href} target="_blank" rel="noopener">
      {children}
      <span className="hx-visually-hidden"> {t('common.newTab')}</span>
    </a>
  );
}
