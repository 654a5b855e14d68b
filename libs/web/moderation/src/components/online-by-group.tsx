import { STAKEHOLDER_GROUPS } from '@helix/contract';
import { useTranslation } from 'react-i18next';
import { usePresenceByGroup, usePresenceCount } from '../hooks/use-presence';

/** How many are in the room now, in all and per stakeholder group (counted by the server, not listed). */
export function OnlineByGroup({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const count = usePresenceCount(roomId);
  const byGroup = usePresenceByGroup(roomId);
  return (
    <section className="hx-card" aria-labelledby="online-heading" data-testid="online-by-group">
      <h2 id="online-heading">{t('moderation.online.title')}</h2>
      <p className="hx-console__total" data-testid="online-total" aria-live="polite">
        {t('moderation.online.total', { count })}
      </p>
      <dl className="hx-console__groups">
        {STAKEHOLDER_GROUPS.map((group) => (
          <div key={group} className="hx-console__group" data-testid={`online-${group}`}>
            <dt>{t(`groups.${group}`)}</dt>
            <dd>{byGroup[group] ?? 0}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
