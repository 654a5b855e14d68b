import { useConnectionState } from '@helix/web/data-access';
import { Spinner } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useInitiative } from '../api/get-initiative';
import { useInitiativesLive } from '../hooks/use-initiatives-live';
import { conditionStatuses } from '../lib/conditions';
import { ConditionItem, Verdict } from './consensus-panel';
import { StatusBadge, TimeLeft } from './initiative-bits';
import { TallyBars } from './tally-view';

/** Without its room's live events an open vote is fetched again every few seconds. */
const POLL_MS = 4_000;

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
      <Verdict initiative={initiative} />
      {initiative.status !== 'draft' ? (
        <div className="hx-initiative-present__columns">
          <TallyBars tally={initiative.tally} />
          <ul className="hx-conditions" aria-label={t('initiatives.conditions.title')}>
            {conditionStatuses(initiative).map((status) => (
              <ConditionItem key={status.kind} status={status} />
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
