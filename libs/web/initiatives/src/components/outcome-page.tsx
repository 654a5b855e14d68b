import type { Initiative } from '@helix/contract';
import { formatDateTime } from '@helix/web/data-access';
import { ActionError, Button, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDownloadOutcome } from '../api/download-outcome';
import { useInitiatives } from '../api/get-initiatives';
import { confirmedPartners } from '../lib/partners';
import { ClearedObjections } from './amendments-section';
import { PartnerList, ProposerOnlyNote } from './initiative-bits';
import { PledgeSummary } from './pledges-section';
import { TallyBars, TallyLegend } from './tally-view';

/** How the initiative got here: its accepted amendments and the objections they cleared. */
function AmendmentStory({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const accepted = initiative.amendments.filter((amendment) => amendment.status === 'accepted');
  if (!accepted.length) return null;
  return (
    <div data-testid="outcome-amendments">
      <p>{t('initiatives.amendments.story', { count: accepted.length })}</p>
      {accepted.map((amendment) => (
        <ClearedObjections key={amendment.id} amendment={amendment} />
      ))}
    </div>
  );
}

function OutcomeCard({ initiative }: { initiative: Initiative }) {
  const { t, i18n } = useTranslation();
  const headingId = `outcome-${initiative.id}`;
  return (
    <li>
      <article className="hx-card hx-outcome-card" aria-labelledby={headingId} data-testid="outcome-card">
        <h2 id={headingId}>
          <Link to={`/initiatives/${initiative.id}`}>{initiative.title}</Link>
        </h2>
        <p className="hx-text">{initiative.summary}</p>
        <h3>{t('initiatives.partners')}</h3>
        <PartnerList partners={confirmedPartners(initiative.partners)} />
        <ProposerOnlyNote initiative={initiative} />
        <p className="hx-muted">
          {initiative.closedAt
            ? t('initiatives.outcome.adoptedAt', { time: formatDateTime(initiative.closedAt, i18n.language) })
            : null}{' '}
          {t('initiatives.tally.votes', { count: initiative.tally.total })}
        </p>
        <TallyBars tally={initiative.tally} legend={false} />
        <AmendmentStory initiative={initiative} />
        {initiative.pledges.length ? (
          <ul className="hx-outcome__pledges" data-testid="outcome-pledges">
            {initiative.pledges.map((pledge) => (
              <li key={pledge.id}>
                <PledgeSummary pledge={pledge} />
              </li>
            ))}
          </ul>
        ) : null}
      </article>
    </li>
  );
}

/**
 * The forum's outcome: adopted initiatives, for the closing session, a CSV and a printout. Only partners who
 * confirmed are named; an invitation nobody accepted commits no one.
 */
export function OutcomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('initiatives.outcome.title'));
  const adopted = useInitiatives({ status: 'adopted' });
  const download = useDownloadOutcome();
  return (
    <div className="hx-outcome">
      <h1>{t('initiatives.outcome.title')}</h1>
      <p>{t('initiatives.outcome.intro')}</p>
      <div className="hx-row hx-no-print">
        <Button variant="secondary" disabled={download.isPending} onClick={() => download.mutate()}>
          {t('initiatives.outcome.download')}
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          {t('initiatives.outcome.print')}
        </Button>
      </div>
      <ActionError error={download.error} />
      {adopted.isPending ? <Spinner /> : null}
      {adopted.isError ? (
        <p className="hx-error" role="alert">
          {t('initiatives.board.loadFailed')}
        </p>
      ) : null}
      {adopted.data ? (
        adopted.data.length ? (
          <>
            <TallyLegend />
            <ul className="hx-card-list hx-outcome__list">
              {adopted.data.map((initiative) => (
                <OutcomeCard key={initiative.id} initiative={initiative} />
              ))}
            </ul>
          </>
        ) : (
          <p>{t('initiatives.outcome.empty')}</p>
        )
      ) : null}
    </div>
  );
}
