import type { Initiative, InitiativeStatus, PublicUser } from '@helix/contract';
import { useTranslation } from 'react-i18next';
import { useCountdown } from '../hooks/use-now';
import { useLanguage } from '../hooks/use-language';
import { formatTimeLeft } from '../lib/time-left';

const STATUS_ICON: Record<InitiativeStatus, string> = {
  draft: '✎',
  voting: '●',
  adopted: '✓',
  rejected: '✗',
};

/** The status as a word with an icon: never colour alone. */
export function StatusBadge({ status }: { status: InitiativeStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`hx-badge hx-initiative-status hx-initiative-status--${status}`} data-status={status}>
      <span aria-hidden="true">{STATUS_ICON[status]} </span>
      {t(`initiatives.status.${status}`)}
    </span>
  );
}

export function PartnerList({ partners }: { partners: Initiative['partners'] }) {
  const { t } = useTranslation();
  return (
    <ul className="hx-partners" aria-label={t('initiatives.partners')}>
      {partners.map((partner) => (
        <li key={`${partner.organization}|${partner.stakeholderGroup}`} className="hx-partner">
          <span className="hx-partner__org">{partner.organization}</span>{' '}
          <span className={`hx-group-chip hx-group-chip--${partner.stakeholderGroup}`}>
            {t(`groups.${partner.stakeholderGroup}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "Name, organisation · group": who someone is at the forum. */
export function PersonLabel({ user }: { user: PublicUser }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="hx-person__name">{user.displayName}</span>
      <span className="hx-muted">
        {', '}
        {user.organization} · {t(`groups.${user.stakeholderGroup}`)}
      </span>
    </>
  );
}

/** Time left until voting closes, counting down live in the UI language. */
export function TimeLeft({ initiative }: { initiative: Pick<Initiative, 'status' | 'closesAt'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const voting = initiative.status === 'voting';
  const left = useCountdown(initiative.closesAt, voting);
  if (!voting) return null;
  if (!initiative.closesAt) return <span className="hx-time-left">{t('initiatives.time.noDeadline')}</span>;
  const closes = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(initiative.closesAt),
  );
  return (
    <span className="hx-time-left" data-testid="time-left">
      <time dateTime={initiative.closesAt} title={t('initiatives.time.closesAt', { time: closes })}>
        {left === null
          ? t('initiatives.time.closing')
          : t('initiatives.time.left', { time: formatTimeLeft(left, language) })}
      </time>
    </span>
  );
}
