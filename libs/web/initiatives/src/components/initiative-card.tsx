import type { Initiative } from '@helix/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PartnerList, StatusBadge, TimeLeft } from './initiative-bits';
import { TallyBars } from './tally-view';

export function InitiativeCard({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const headingId = `initiative-${initiative.id}-title`;
  return (
    <li>
      <article
        className="hx-card hx-initiative-card"
        aria-labelledby={headingId}
        data-testid="initiative-card"
      >
        <h2 id={headingId} className="hx-initiative-card__title">
          <Link to={`/initiatives/${initiative.id}`}>{initiative.title}</Link>
        </h2>
        <div className="hx-card__meta">
          <StatusBadge status={initiative.status} />
          <TimeLeft initiative={initiative} />
          {initiative.status !== 'draft' ? (
            <span data-testid="card-consensus">
              {initiative.consensus.reached
                ? t('initiatives.verdict.short.reached')
                : t('initiatives.verdict.short.notReached')}
            </span>
          ) : null}
          <span>{t('initiatives.tally.votes', { count: initiative.tally.total })}</span>
          {initiative.joint ? null : (
            <span className="hx-badge" data-testid="card-proposer-only">
              {t('initiatives.partnership.short')}
            </span>
          )}
        </div>
        <PartnerList partners={initiative.partners} />
        {initiative.status !== 'draft' ? <TallyBars tally={initiative.tally} legend={false} /> : null}
      </article>
    </li>
  );
}
