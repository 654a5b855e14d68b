import {
  LISTED_INITIATIVE_STATUSES,
  STAKEHOLDER_GROUPS,
  type ListInitiativesQuery,
  type StakeholderGroup,
} from '@helix/contract';
import { useRooms } from '@helix/web/data-access';
import { LoadError, SelectField, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useInitiatives } from '../api/get-initiatives';
import { ConsensusMinimumSection } from './consensus-minimum-section';
import { InitiativeCard } from './initiative-card';
import { TallyLegend } from './tally-view';

type FilterKey = 'status' | 'roomId' | 'group';

function filtersFrom(params: URLSearchParams): ListInitiativesQuery {
  const status = params.get('status');
  const group = params.get('group');
  const roomId = params.get('roomId');
  return {
    ...((LISTED_INITIATIVE_STATUSES as readonly string[]).includes(status ?? '')
      ? { status: status as NonNullable<ListInitiativesQuery['status']> }
      : {}),
    ...(roomId && /^[0-9a-f]{24}$/.test(roomId) ? { roomId } : {}),
    ...((STAKEHOLDER_GROUPS as readonly string[]).includes(group ?? '')
      ? { group: group as StakeholderGroup }
      : {}),
  };
}

/** The initiatives board: filters live in the URL, so a filtered board can be shared or bookmarked. */
export function InitiativesBoardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('initiatives.board.title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const initiatives = useInitiatives(filters);
  const rooms = useRooms();

  const setFilter = (key: FilterKey, value: string) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  return (
    <>
      <div className="hx-row hx-initiatives-head">
        <h1>{t('initiatives.board.title')}</h1>
        <Link className="hx-button hx-button--primary" to="/initiatives/new">
          {t('initiatives.board.propose')}
        </Link>
      </div>
      <p>{t('initiatives.board.intro')}</p>
      <ConsensusMinimumSection />
      <form role="search" aria-label={t('initiatives.board.filters')} className="hx-initiative-filters">
        <SelectField
          label={t('initiatives.board.status')}
          value={filters.status ?? ''}
          onChange={(event) => setFilter('status', event.target.value)}
          options={[
            { value: '', label: t('initiatives.board.anyStatus') },
            ...LISTED_INITIATIVE_STATUSES.map((status) => ({
              value: status,
              label: t(`initiatives.status.${status}`),
            })),
          ]}
        />
        <SelectField
          label={t('initiatives.board.room')}
          value={filters.roomId ?? ''}
          onChange={(event) => setFilter('roomId', event.target.value)}
          options={[
            { value: '', label: t('initiatives.board.anyRoom') },
            ...(rooms.data ?? []).map((room) => ({ value: room.id, label: room.title })),
          ]}
        />
        <SelectField
          label={t('initiatives.board.group')}
          value={filters.group ?? ''}
          onChange={(event) => setFilter('group', event.target.value)}
          options={[
            { value: '', label: t('initiatives.board.anyGroup') },
            ...STAKEHOLDER_GROUPS.map((group) => ({ value: group, label: t(`groups.${group}`) })),
          ]}
        />
      </form>
      {initiatives.isPending ? <Spinner /> : null}
      {initiatives.isError ? (
        <LoadError message={t('initiatives.board.loadFailed')} onRetry={() => void initiatives.refetch()} />
      ) : null}
      {initiatives.data ? (
        <>
          <p className="hx-muted" role="status">
            {t('initiatives.board.count', { count: initiatives.data.length })}
          </p>
          {initiatives.data.some((initiative) => initiative.status !== 'draft') ? <TallyLegend /> : null}
          {initiatives.data.length ? (
            <ul className="hx-card-list">
              {initiatives.data.map((initiative) => (
                <InitiativeCard key={initiative.id} initiative={initiative} />
              ))}
            </ul>
          ) : (
            <p>{t('initiatives.board.empty')}</p>
          )}
        </>
      ) : null}
    </>
  );
}
