import type { Room, RoomUnread } from '@helix/contract';
import { useRooms } from '@helix/web/data-access';
import { LoadError, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadSummary } from '../api/mentions';
import { useRoomsWatch } from '../hooks/use-rooms-watch';
import { UnreadBadges } from './unread-badges';

function RoomCard({ room, unread }: { room: Room; unread: RoomUnread | undefined }) {
  const { t } = useTranslation();
  // The API has been seen to omit keyQuestions for cluster rooms; an empty list renders nothing.
  const keyQuestions = room.keyQuestions ?? [];
  return (
    <li className="hx-card">
      <h3 className="hx-row">
        <Link className="hx-card__title" to={`/rooms/${room.id}`}>
          {room.title}
        </Link>
        {unread ? <UnreadBadges unread={unread} /> : null}
      </h3>
      <p>{room.description}</p>
      {keyQuestions.length ? (
        <>
          <p className="hx-muted">{t('rooms.keyQuestions')}</p>
          <ul>
            {keyQuestions.map((question) => (
              <li key={question}>{question}</li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

function RoomGroup({
  id,
  title,
  rooms,
  unread,
}: {
  id: string;
  title: string;
  rooms: Room[];
  unread: RoomUnread[] | undefined;
}) {
  if (!rooms.length) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="hx-card-list">
        {rooms.map((room) => (
          <RoomCard key={room.id} room={room} unread={unread?.find((counts) => counts.roomId === room.id)} />
        ))}
      </ul>
    </section>
  );
}

export function RoomListPage() {
  const { t } = useTranslation();
  const rooms = useRooms();
  const unread = useUnreadSummary().data?.rooms;
  useRoomsWatch();
  useDocumentTitle(t('rooms.title'));
  return (
    <>
      <h1>{t('rooms.title')}</h1>
      {rooms.isPending ? <Spinner /> : null}
      {rooms.isError ? (
        <LoadError message={t('rooms.loadFailed')} onRetry={() => void rooms.refetch()} />
      ) : null}
      {rooms.data ? (
        <>
          <RoomGroup
            id="tracks-heading"
            title={t('rooms.tracks')}
            rooms={rooms.data.filter((room) => room.kind === 'track')}
            unread={unread}
          />
          <RoomGroup
            id="clusters-heading"
            title={t('rooms.clusters')}
            rooms={rooms.data.filter((room) => room.kind === 'cluster')}
            unread={unread}
          />
        </>
      ) : null}
    </>
  );
}
