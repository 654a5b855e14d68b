import { useRooms } from '@helix/web/data-access';
import { Breadcrumbs } from '@helix/web/discussion/console';
import { StatementsPage } from '@helix/web/statements/pages';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

/** Loaded on demand (see the router): a room's statements, one card at a time. */
export default function StatementsRoute() {
  const { roomId = '' } = useParams();
  const { t } = useTranslation();
  const room = useRooms().data?.find((candidate) => candidate.id === roomId);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/rooms', label: t('rooms.title') },
          { to: `/rooms/${roomId}`, label: room?.title ?? t('rooms.room') },
          { to: `/rooms/${roomId}/statements`, label: t('statements.title') },
        ]}
      />
      <StatementsPage roomId={roomId} />
    </>
  );
}
