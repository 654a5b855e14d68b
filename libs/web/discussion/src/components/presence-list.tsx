import { useTranslation } from 'react-i18next';
import { usePresence, usePresenceCount } from '../hooks/use-room-membership';

export function PresenceList({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const users = usePresence(roomId);
  const count = usePresenceCount(roomId);
  return (
    <section aria-labelledby="presence-heading" className="hx-card">
      <h2 id="presence-heading">{t('presence.title')}</h2>
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
    </section>
  );
}
