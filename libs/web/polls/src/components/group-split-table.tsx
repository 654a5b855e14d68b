import { ANONYMOUS_GROUP_MIN_VOTERS } from '@helix/contract';
import { formatNumber } from '@helix/web/data-access';
import { TableScroll } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import type { PollResults } from '../lib/poll-results';
import { GroupLegend } from './group-legend';

/** The per-group numbers behind the stacked bars, collapsed by default to keep phones uncluttered. */
export function GroupSplitTable({ results, anonymous }: { results: PollResults; anonymous: boolean }) {
  const { t, i18n } = useTranslation();
  if (!results.voters) return null;
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <details className="hx-poll-split">
      <summary>{t('polls.byGroup')}</summary>
      <GroupLegend groups={results.groups} hidden={results.hasHiddenGroups} />
      {results.groups.length ? (
        <TableScroll label={t('polls.byGroup')}>
          <table className="hx-poll-table">
            <thead>
              <tr>
                <th scope="col">{t('polls.option')}</th>
                {results.groups.map((group) => (
                  <th key={group} scope="col">
                    {t(`groups.${group}`)}
                  </th>
                ))}
                {results.hasHiddenGroups ? <th scope="col">{t('polls.notShown')}</th> : null}
                <th scope="col">{t('polls.total')}</th>
              </tr>
            </thead>
            <tbody>
              {results.options.map((option) => (
                <tr key={option.id}>
                  <th scope="row">{option.label}</th>
                  {option.groups.map((part) => (
                    <td key={part.group}>{number(part.votes)}</td>
                  ))}
                  {results.hasHiddenGroups ? <td>{number(option.hiddenVotes)}</td> : null}
                  <td>{number(option.votes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {anonymous ? (
        <p className="hx-muted">{t('polls.anonymousGroups', { count: ANONYMOUS_GROUP_MIN_VOTERS })}</p>
      ) : null}
    </details>
  );
}
