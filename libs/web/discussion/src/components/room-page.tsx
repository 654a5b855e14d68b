import { mayModerateRoom, useCurrentUser, useRooms } from '@helix/web/data-access';
import { LoadError, Spinner, useDocumentTitle } from '@helix/web/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useThreads } from '../api/get-threads';
import { Breadcrumbs } from './breadcrumbs';
import { CreateThreadForm } from './create-thread-form';
import { PresenceList } from './presence-list';
import { RoomNotFound } from './room-not-found';
import { RoomShareButton } from './room-share';
import { ThreadList } from './thread-list';

/** `children` go above the threads: the app puts other features of the room there (polls). */
export function RoomPage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { roomId = '' } = useParams();
  const rooms = useRooms();
  const threads = useThreads(roomId);
  const { data: user } = useCurrentUser();
  const room = rooms.data?.find((item) => item.id === roomId);
  useDocumentTitle(room?.title);

  if (rooms.isPending) return <Spinner />;
  if (!room) return <RoomNotFound loadFailed={rooms.isError} />;

  const keyQuestions = room.keyQuestions ?? [];
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('rooms.title'), to: '/rooms' },
          { label: room.title, to: `/rooms/${room.id}` },
        ]}
      />
      <div className="hx-row hx-room-head">
        <h1>{room.title}</h1>
        <div className="hx-row">
          <RoomShareButton room={room} />
          {mayModerateRoom(user, roomId) ? (
            <Link
              className="hx-button hx-button--secondary hx-button--small"
              to={`/rooms/${room.id}/moderate`}
            >
              {t('rooms.moderate')}
            </Link>
          ) : null}
        </div>
      </div>
      <p>{room.description}</p>
      {keyQuestions.length ? (
        <details>
          <summary>{t('rooms.keyQuestions')}</summary>
          <ul>
            {keyQuestions.map((question) => (
              <li key={question}>{question}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {children}
      <div className="hx-room-layout">
        <section aria-labelledby="threads-heading">
          <h2 id="threads-heading">{t('threads.title')}</h2>
          <CreateThreadForm roomId={room.id} />
          {threads.isPending ? <Spinner /> : null}
          {threads.isError ? (
            <LoadError message={t('threads.loadFailed')} onRetry={() => void threads.refetch()} />
          ) : null}
          {threads.data ? <ThreadList threads={threads.data} /> : null}
        </section>
        <aside aria-label={t('presence.title')}>
          <PresenceList roomId={room.id} />
        </aside>
      </div>
    </>
  );
}
