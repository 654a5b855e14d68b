import { usePresenceCount } from '@helix/web/data-access';
import { CardSection } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { usePresence } from '../hooks/use-room-membership';

export function PresenceList({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const users = usePresence(roomId);
  const count = usePresenceCount(roomId);
  return (
    <CardSection headingId="presence-heading" title={t('presence.title')}>
      {users.length ? (
        <ul className="hx-presence">
          {users.map((user) => (
            <li key={user.id}>
              <strong>{user.displayName}</strong>{' '}
              <span className="hx-muted">
                {user.organization} · {t(`groups.${user.stakeholderGroup}`)}
              </span>
            </li>
          ))}
          {count > users.length && (
            <li className="hx-muted">{t('presence.more', { count: count - users.length })}</li>
          )}
        </ul>
      ) : (
        <p className="hx-muted">{t('presence.empty')}</p>
      )}
    </CardSection>
  );
}
