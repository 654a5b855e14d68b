import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadSummary } from '../api/mentions';

/** The header menu's way to the mentions list, with the count of unread mentions. */
export function MentionsNavLink() {
  const { t } = useTranslation();
  const unread = useUnreadSummary().data?.mentions ?? 0;
  return (
    <Link
      to="/mentions"
      className="hx-header__mentions"
      data-testid="mentions-link"
      aria-label={unread ? t('mentions.navUnread', { count: unread }) : t('mentions.nav')}
    >
      {t('mentions.nav')}
      {unread ? (
        <span className="hx-badge hx-badge--mention" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
