import type { StakeholderGroup } from '@helix/contract';
import { useTranslation } from 'react-i18next';

/** Names the colours of the group split; the numbers are in the table or beside the bars. */
export function GroupLegend({ groups, hidden }: { groups: readonly StakeholderGroup[]; hidden: boolean }) {
  const { t } = useTranslation();
  if (!groups.length) return null;
  return (
    <ul className="hx-legend" aria-label={t('polls.legend')}>
      {groups.map((group) => (
        <li key={group}>
          <span className={`hx-poll-legend__swatch hx-poll-bar__part--${group}`} aria-hidden="true" />
          {t(`groups.${group}`)}
        </li>
      ))}
      {hidden ? (
        <li>
          <span className="hx-poll-legend__swatch hx-poll-bar__part--hidden" aria-hidden="true" />
          {t('polls.notShown')}
        </li>
      ) : null}
    </ul>
  );
}
