import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface Crumb {
  label: string;
  to: string;
}

/** The last crumb is the current page (a link with aria-current, as the APG breadcrumb pattern does). */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.breadcrumb')} className="hx-breadcrumbs">
      <ol className="hx-row hx-breadcrumbs__list">
        {items.map((item, index) => (
          <li key={item.to}>
            {index > 0 ? <span aria-hidden="true">› </span> : null}
            <Link to={item.to} aria-current={index === items.length - 1 ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
