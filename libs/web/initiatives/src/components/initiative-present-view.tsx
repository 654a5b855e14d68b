import type { Initiative } from '@helix/contract';
import { useConnectionState } from '@helix/web/data-access';
import { Spinner } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useInitiative } from '../api/get-initiative';
import { useInitiativesLive } from '../hooks/use-initiatives-live';
import { conditionStatuses } from '../lib/conditions';
import { verdictKey } from './consensus-panel';
import { StatusBadge, TimeLeft } from './initiative-bits';
import { TallyBars } from './tally-view';

/** Without its room's live events an open vote is fetched again every few seconds. */
const POLL_MS = 4_000;

function reached(initiative: Initiative): boolean {
  return initiative.status === 'adopted' || (initiative.status === 'voting' && initiative.consensus.reached);
}

/**
 * An initiative's live tally and consensus state for a room's presenter screen: the verdict and each
 * condition, met or not, short enough for the back of the hall (the initiative's page explains them).
 * Events come only from the room the screen is in (`liveRoomId`); an initiative of another room (or
 * none) is polled while its vote is open, rather than joining that room and showing up in its
 * presence list.
 */
export function InitiativePresentView({
  initiativeId,
  liveRoomId,
}: {
  initiativeId: string;
  liveRoomId: string;
}) {
  const { t } = useTranslation();
  useInitiativesLive();
  const connection = useConnectionState();
  const query = useInitiative(initiativeId, (initiative) =>
    initiative?.status === 'voting' && (initiative.roomId !== liveRoomId || connection !== 'connected')
      ? POLL_MS
      : false,
  );
  const initiative = query.data;
  if (query.isPending) return <Spinner />;
  if (!initiative) return <p role="alert">{t('initiatives.page.loadFailed')}</p>;

  const state = initiative.status === 'draft' ? 'draft' : reached(initiative) ? 'reached' : 'not-reached';
  return (
    <div className="hx-initiative-present" data-testid="initiative-present" data-status={initiative.status}>
      <h1 className="hx-present__question">{initiative.title}</h1>
      <p className="hx-initiative-present__meta">
        <StatusBadge status={initiative.status} />
        <TimeLeft initiative={initiative} />
        <span data-testid="initiative-present-votes" data-votes={initiative.tally.total}>
          {t('initiatives.tally.votes', { count: initiative.tally.total })}
        </span>
      </p>
      <p
        className={`hx-verdict hx-verdict--${state}`}
        data-testid="consensus-verdict"
        data-reached={String(initiative.consensus.reached)}
      >
        <span aria-hidden="true">{state === 'draft' ? '… ' : state === 'reached' ? '✓ ' : '✗ '}</span>
        {t(verdictKey(initiative))}
      </p>
      {initiative.status !== 'draft' ? (
        <div className="hx-initiative-present__columns">
          <TallyBars tally={initiative.tally} />
          <ul className="hx-conditions" aria-label={t('initiatives.conditions.title')}>
            {conditionStatuses(initiative).map((status) => (
              <li
                key={status.kind}
                className={`hx-condition hx-condition--${status.met ? 'met' : 'unmet'}`}
                data-testid={`condition-${status.kind}`}
                data-met={String(status.met)}
              >
                <span className="hx-condition__icon" aria-hidden="true">
                  {status.met ? '✓' : '✗'}
                </span>
                <span>
                  <strong>{t(`initiatives.conditions.${status.kind}.name`)}</strong>{' '}
                  <span className="hx-condition__state">
                    ({status.met ? t('initiatives.conditions.met') : t('initiatives.conditions.unmet')})
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
