import type { Room } from '@helix/contract';
import { Button } from '@helix/web/ui';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The QR code library loads only when someone opens Share: it stays out of the initial JavaScript.
const loadDialog = () => import('./room-share-dialog');
const RoomShareDialog = lazy(loadDialog);

/** "Share" in the room's header: the room's QR code and short link, to bring someone else in. */
export function RoomShareButton({ room }: { room: Pick<Room, 'slug' | 'title'> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        size="small"
        aria-haspopup="dialog"
        data-testid="room-share"
        // Start fetching on the way to a tap, so the dialog opens without a wait.
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => setOpen(true)}
      >
        {t('join.share')}
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <RoomShareDialog room={room} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
