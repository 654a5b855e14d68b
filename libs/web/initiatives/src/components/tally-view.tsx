import { VOTE_POSITIONS, type Initiative } from '@helix/contract';
import { formatNumber } from '@helix/web/data-access';
import { TableScroll } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { groupBars, totalsByPosition } from '../lib/tally-bars';

/** What each bar colour and pattern means; the numbers are always written next to the bars too. */
export function TallyLegend() {
  const { t } = useTranslation();
  return (
    <ul className="hx-legend" aria-label={t('initiatives.tally.legend')}>
      {VOTE_POSITIONS.map((position) => (
        <li key={position}>
          <span
            className={`hx-tally__part hx-tally__part--${position} hx-tally-legend__swatch`}
            aria-hidden="true"
          />
          {t(`initiatives.positions.${position}`)}
        </li>
      ))}
    </ul>
  );
}

/** One stacked bar per stakeholder group (agree / abstain / disagree / block) with the counts in words. */
export function TallyBars({ tally, legend = true }: { tally: Initiative['tally']; legend?: boolean }) {
  const { t } = useTranslation();
  const bars = groupBars(tally);
  if (!bars.length) return <p className="hx-muted">{t('initiatives.tally.noVotes')}</p>;
  return (
    <div className="hx-tally">
      {legend ? <TallyLegend /> : null}
      <ul className="hx-tally__groups">
        {bars.map((bar) => {
          const counts = Object.fromEntries(bar.segments.map((segment) => [segment.position, segment.count]));
          return (
            <li key={bar.group} className="hx-tally__group" data-testid={`tally-${bar.group}`}>
              <span className="hx-tally__head">
                <span className="hx-tally__name">{t(`groups.${bar.group}`)}</span>
                <span className="hx-tally__counts">{t('initiatives.tally.counts', counts)}</span>
              </span>
              <span className="hx-tally__bar" aria-hidden="true">
                {bar.segments
                  .filter((segment) => segment.count > 0)
                  .map((segment) => (
                    <span
                      key={segment.position}
                      className={`hx-tally__part hx-tally__part--${segment.position}`}
                      style={{ width: `${segment.percent}%` }}
                    />
                  ))}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The same numbers as a table, by group and position, with totals. */
export function TallyTable({ tally }: { tally: Initiative['tally'] }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => formatNumber(value, i18n.language);
  const bars = groupBars(tally);
  if (!bars.length) return null;
  const totals = totalsByPosition(tally);
  return (
    <TableScroll label={t('initiatives.tally.caption')}>
      <table className="hx-poll-table hx-tally-table">
        <caption className="hx-visually-hidden">{t('initiatives.tally.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('initiatives.tally.group')}</th>
            {VOTE_POSITIONS.map((position) => (
              <th key={position} scope="col">
                {t(`initiatives.positions.${position}`)}
              </th>
            ))}
            <th scope="col">{t('initiatives.tally.total')}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.group}>
              <th scope="row">{t(`groups.${bar.group}`)}</th>
              {bar.segments.map((segment) => (
                <td key={segment.position}>{number(segment.count)}</td>
              ))}
              <td>{number(bar.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('initiatives.tally.allGroups')}</th>
            {VOTE_POSITIONS.map((position) => (
              <td key={position}>{number(totals[position])}</td>
            ))}
            <td>{number(tally.total)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
