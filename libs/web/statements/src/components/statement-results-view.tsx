import { STAKEHOLDER_GROUPS, type ConsensusStatement, type StatementResults } from '@helix/contract';
import { publicOrigin, seedInitiativeHref } from '@helix/web/data-access';
import { LoadError, Spinner } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useStatementResults } from '../api/statements-api';
import { Link } from 'react-router';
import { opinionGroupName, statementsResultsPath } from '../lib/paths';
import { OpinionMap } from './opinion-map';

const percent = (value: number) => `${Math.round(value * 100)}%`;

function ConsensusItem({ entry, roomId }: { entry: ConsensusStatement; roomId: string }) {
  const { t } = useTranslation();
  // A bridging statement can become a draft initiative: the form opens prefilled, with a link back here.
  const seed = seedInitiativeHref({
    roomId,
    title: entry.text,
    summary: t('statements.results.seedSummary', {
      statement: entry.text,
      link: publicOrigin() + statementsResultsPath(roomId),
    }),
  });
  return (
    <li className="hx-consensus__item" data-testid="consensus-statement">
      <p className="hx-consensus__text">
        {entry.supportedByAll ? (
          <span className="hx-consensus__badge">{t('statements.results.allGroups')}</span>
        ) : null}
        {entry.text}
      </p>
      <p className="hx-muted">
        {t('statements.results.score', { score: entry.consensus.toFixed(2) })}
        {' · '}
        {STAKEHOLDER_GROUPS.flatMap((group) => {
          const votes = entry.byGroup[group];
          if (!votes?.seen) return [];
          return [
            t('statements.results.groupAgree', {
              group: t(`groups.${group}`),
              share: percent(votes.agree / votes.seen),
            }),
          ];
        }).join(' · ')}
      </p>
      <p>
        <Link
          className="hx-button hx-button--secondary hx-button--small"
          to={seed}
          data-testid="seed-initiative"
        >
          {t('statements.results.seedStart')}
        </Link>
      </p>
    </li>
  );
}

function Opinion({ opinion }: { opinion: NonNullable<StatementResults['opinion']> }) {
  const { t } = useTranslation();
  return (
    <section className="hx-card hx-opinion" aria-labelledby="opinion-heading" data-testid="opinion-groups">
      <h2 id="opinion-heading">{t('statements.results.opinionTitle', { count: opinion.groups.length })}</h2>
      <p className="hx-muted">{t('statements.results.placed', { count: opinion.placed })}</p>
      <div className="hx-opinion__layout">
        <div>
          <OpinionMap points={opinion.points} groups={opinion.groups.length} />
          <ul className="hx-opinion__legend" aria-label={t('statements.map.legend')}>
            {STAKEHOLDER_GROUPS.map((group) => (
              <li key={group}>
                <span className={`hx-opinion__swatch hx-opinion-map__dot--${group}`} aria-hidden="true" />
                {t(`groups.${group}`)}
              </li>
            ))}
          </ul>
        </div>
        <ol className="hx-opinion__groups">
          {opinion.groups.map((group) => (
            <li key={group.index} data-testid="opinion-group">
              <h3>
                {t('statements.results.groupName', {
                  name: opinionGroupName(group.index),
                  count: group.size,
                })}
              </h3>
              <p className="hx-muted">
                {STAKEHOLDER_GROUPS.flatMap((stakeholder) => {
                  const count = group.byStakeholderGroup[stakeholder];
                  return count ? [`${t(`groups.${stakeholder}`)} ${count}`] : [];
                }).join(' · ')}
              </p>
              {group.representative.length ? (
                <ul>
                  {group.representative.map((entry) => (
                    <li key={entry.id}>
                      {t(`statements.results.${entry.direction}s`, { share: percent(entry.share) })}{' '}
                      {entry.text}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

/** The room's results: statements every declared group supports on top, then the opinion groups and their map. */
export function StatementResultsView({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const results = useStatementResults(roomId);
  if (results.isPending) return <Spinner />;
  if (results.isError)
    return <LoadError message={t('statements.loadFailed')} onRetry={() => void results.refetch()} />;
  const { consensus, opinion, participants } = results.data;
  return (
    <div className="hx-stack hx-statement-results" data-testid="statement-results">
      <p className="hx-muted">{t('statements.results.participants', { count: participants })}</p>
      <section className="hx-card" aria-labelledby="consensus-heading">
        <h2 id="consensus-heading">{t('statements.results.consensusTitle')}</h2>
        {consensus.length ? (
          <ol className="hx-consensus">
            {consensus.map((entry) => (
              <ConsensusItem key={entry.id} entry={entry} roomId={roomId} />
            ))}
          </ol>
        ) : (
          <p className="hx-muted">{t('statements.results.none')}</p>
        )}
      </section>
      {opinion ? (
        <Opinion opinion={opinion} />
      ) : (
        <p className="hx-muted" data-testid="opinion-waiting">
          {t('statements.results.notEnough')}
        </p>
      )}
    </div>
  );
}
