import { STAKEHOLDER_GROUPS } from '@helix/contract';
import { usePresenceCount } from '@helix/web/data-access';
import { CardSection } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { usePresenceByGroup } from '../hooks/use-presence';

/** How many are in the room now, in all and per stakeholder group (counted by the server, not listed). */
export function OnlineByGroup({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const count = usePresenceCount(roomId);
  const byGroup = usePresenceByGroup(roomId);
  return (
    <CardSection headingId="online-heading" title={t('moderation.online.title')} testId="online-by-group">
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
    </CardSection>
  );
}
