import type {
  Initiative,
  InitiativePartner,
  InitiativeStatus,
  PartnerStatus,
  PublicUser,
} from '@helix/contract';
import { useTranslation } from 'react-i18next';
import { useCountdown } from '../hooks/use-now';
import { useLanguage } from '../hooks/use-language';
import { formatTimeLeft } from '../lib/time-left';

const STATUS_ICON: Record<InitiativeStatus, string> = {
  draft: '✎',
  voting: '●',
  adopted: '✓',
  rejected: '✗',
  withdrawn: '↩',
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

const PARTNER_ICON: Record<PartnerStatus, string> = { confirmed: '✓', invited: '…', declined: '✗' };

/** What a partner said to the invitation, as a translation key and who said it (`detailed` only). */
function partnerStatus(
  partner: InitiativePartner,
  isProposer: boolean,
  detailed: boolean,
): { key: string; name?: string } {
  if (isProposer) return { key: 'initiatives.partner.proposer' };
  const name = detailed && partner.status !== 'invited' ? partner.respondedBy?.displayName : undefined;
  return name
    ? { key: `initiatives.partner.${partner.status}By`, name }
    : { key: `initiatives.partner.${partner.status}` };
}

/**
 * The partners with their answers: the proposer's organisation first, then each invited one as invited,
 * confirmed or declined (`detailed`: and by whom).
 */
export function PartnerList({
  partners,
  detailed = false,
}: {
  partners: InitiativePartner[];
  detailed?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ul className="hx-partners" aria-label={t('initiatives.partners')}>
      {partners.map((partner, index) => {
        const status = partnerStatus(partner, index === 0, detailed);
        return (
          <li
            key={`${partner.organization}|${partner.stakeholderGroup}`}
            className={`hx-partner hx-partner--${partner.status}`}
            data-testid="partner"
            data-status={partner.status}
          >
            <span className="hx-partner__org">{partner.organization}</span>{' '}
            <span className={`hx-group-chip hx-group-chip--${partner.stakeholderGroup}`}>
              {t(`groups.${partner.stakeholderGroup}`)}
            </span>{' '}
            <span className="hx-partner__status">
              <span aria-hidden="true">{PARTNER_ICON[partner.status]} </span>
              {t(status.key, { name: status.name })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Said plainly when no organisation besides the proposer's has confirmed: the initiative is not joint (yet). */
export function ProposerOnlyNote({ initiative }: { initiative: Pick<Initiative, 'joint' | 'status'> }) {
  const { t } = useTranslation();
  if (initiative.joint) return null;
  const decided = initiative.status === 'adopted' || initiative.status === 'rejected';
  return (
    <p className="hx-muted hx-partnership-note" data-testid="proposer-only">
      {t(decided ? 'initiatives.partnership.proposerOnly' : 'initiatives.partnership.noneYet')}
    </p>
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
