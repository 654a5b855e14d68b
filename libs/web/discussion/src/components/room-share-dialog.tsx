import type { Room } from '@helix/contract';
import { roomShortLink } from '@helix/web/data-access';
import { Button } from '@helix/web/ui';
import { Dialog } from '@helix/web/ui/dialog';
import { QRCodeSVG } from 'qrcode.react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type CopyState = 'idle' | 'copied' | 'failed';

/** The room's QR code and short link, with a copy button (and the phone's own share sheet where there is one). */
export default function RoomShareDialog({
  room,
  onClose,
}: {
  room: Pick<Room, 'slug' | 'title'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const link = roomShortLink(room);
  const fieldId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  const copyLink = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      // No clipboard (an insecure origin, a refused permission): leave the link selected to copy by hand.
      field.current?.focus();
      field.current?.select();
      setCopy('failed');
    }
  };

  return (
    <Dialog title={t('join.title', { room: room.title })} description={t('join.scan')} onClose={onClose}>
      <div className="hx-share__qr">
        <QRCodeSVG value={link} size={224} marginSize={2} title={t('join.qrTitle')} />
      </div>
      <div className="hx-field">
        <label htmlFor={fieldId} className="hx-field__label">
          {t('join.link')}
        </label>
        <div className="hx-share__link">
          {/* A text area, not an input: the whole link wraps into view on a phone instead of scrolling. */}
          <textarea
            id={fieldId}
            ref={field}
            className="hx-input hx-share__url"
            readOnly
            rows={3}
            value={link}
            data-testid="room-share-link"
            onFocus={(event) => event.target.select()}
          />
          <Button onClick={() => void copyLink()}>{t('join.copy')}</Button>
        </div>
      </div>
      <p role="status" className="hx-muted">
        {copy === 'copied' ? t('join.copied') : copy === 'failed' ? t('join.copyFailed') : null}
      </p>
      <div className="hx-row hx-dialog__actions">
        {canShare ? (
          <Button
            variant="secondary"
            onClick={() => void navigator.share({ title: room.title, url: link }).catch(() => undefined)}
          >
            {t('join.shareSheet')}
          </Button>
        ) : null}
        <Button variant="ghost" onClick={onClose}>
          {t('common.close')}
        </Button>
      </div>
    </Dialog>
  );
}
