import { useRooms } from '@helix/web/data-access';
import { LoadError, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';

/**
 * `/r/:slug`, the link a room's QR code carries: finds the room by its slug and goes in, replacing this
 * address in the history so Back leaves the room rather than bouncing into it again.
 */
export function RoomShortLinkPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const rooms = useRooms();
  const wanted = slug.trim().toLowerCase();
  const room = rooms.data?.find((item) => item.slug === wanted);
  useDocumentTitle(rooms.data && !room ? t('join.notFoundTitle') : undefined);

  if (room) return <Navigate to={`/rooms/${room.id}`} replace />;
  if (rooms.isPending) return <Spinner />;
  if (rooms.isError) {
    return <LoadError message={t('rooms.loadFailed')} onRetry={() => void rooms.refetch()} />;
  }
  return (
    <section aria-labelledby="join-not-found" data-testid="join-not-found">
      <h1 id="join-not-found">{t('join.notFoundTitle')}</h1>
      <p>{t('join.notFound', { slug })}</p>
      <p>
        <Link to="/rooms">{t('join.allRooms')}</Link>
      </p>
    </section>
  );
}
