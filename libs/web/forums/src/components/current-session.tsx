import { useRoom } from '@helix/web/data-access';
import { Link } from 'react-router';
import { useForum, useRoomSessions } from '../api/forums-api';
import { useForumsTranslation } from '../i18n/register';
import { formatInZone } from '../lib/zoned-time';

/**
 * The agenda session running in a room, as the server's clock started it: for the room's header and the
 * presenter screen. Nothing when none runs.
 */
export function CurrentSession({ roomId, presenter = false }: { roomId: string; presenter?: boolean }) {
  const { t, i18n } = useForumsTranslation();
  const { room } = useRoom(roomId);
  const sessions = useRoomSessions(roomId);
  const forum = useForum(room?.forumId ?? '');
  const current = sessions.data?.find((session) => session.startedAt && !session.endedAt);
  if (!current || !forum.data) return null;
  const until = formatInZone(current.endsAt, forum.data.timeZone, i18n.language, 'time');
  return (
    <section
      className={`hx-forums-current-session${presenter ? ' hx-forums-current-session--presenter' : ''}`}
      aria-label={t('forums.currentSession.label')}
      data-testid="current-session"
    >
      <p className="hx-muted">
        {t('forums.currentSession.label')} · {t('forums.currentSession.until', { time: until })}
      </p>
      <p className="hx-forums-current-session__title">{current.title}</p>
      {current.speakers.length ? <p>{current.speakers.join(', ')}</p> : null}
      {presenter ? null : (
        <Link to={`/forums/${current.forumId}/agenda?room=${roomId}`}>
          {t('forums.currentSession.agenda')}
        </Link>
      )}
    </section>
  );
}
