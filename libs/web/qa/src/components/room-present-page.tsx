import type { Room } from '@helix/contract';
import { roomShortLink, useConnectionState, useRoom } from '@helix/web/data-access';
import { Spinner, useDocumentTitle } from '@helix/web/ui';
import { QRCodeSVG } from 'qrcode.react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoomSettings } from '../api/get-room-settings';
import { useQaLive } from '../hooks/use-qa-live';
import { QuestionsPresentView } from './questions-present-view';

/** Nothing on the projector: the room itself, its key questions, and a big code to join. */
function RoomIdleView({ room }: { room: Room }) {
  const { t } = useTranslation();
  return (
    <div className="hx-room-present__idle" data-testid="room-present-idle">
      <h1 className="hx-present__question">{room.title}</h1>
      {room.keyQuestions.length ? (
        <>
          <h2 className="hx-room-present__subtitle">{t('rooms.keyQuestions')}</h2>
          <ul className="hx-room-present__key-questions">
            {room.keyQuestions.map((question) => (
              <li key={question}>{question}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hx-room-present__description">{room.description}</p>
      )}
    </div>
  );
}

export interface RoomPresentPageProps {
  roomId: string;
  /** The app composes other features' projector views: a poll's live results… */
  renderPoll: (pollId: string) => ReactNode;
  /** …and an initiative's tally and consensus. */
  renderInitiative: (initiativeId: string) => ReactNode;
  /** The agenda session running in the room (the forums feature's), beside the room's name. */
  session?: ReactNode;
}

/**
 * A room's presenter screen for the hall's projector. It stays in the room live and shows what the
 * moderators put on it (`settings.updated`): a poll, the Q&A, an initiative, or the room itself,
 * always beside the QR code and short link that open the room on a phone.
 */
export function RoomPresentPage({ roomId, renderPoll, renderInitiative, session }: RoomPresentPageProps) {
  const { t } = useTranslation();
  useQaLive(roomId);
  const { room, isPending, isError } = useRoom(roomId);
  const settings = useRoomSettings(roomId);
  const connection = useConnectionState();
  useDocumentTitle(room ? t('presenter.documentTitle', { room: room.title }) : t('presenter.title'));

  if (isPending) {
    return (
      <div className="hx-present hx-present--message">
        <Spinner />
      </div>
    );
  }
  if (!room) {
    return (
      <div className="hx-present hx-present--message">
        <p role="alert">{isError ? t('rooms.loadFailed') : t('rooms.notFound')}</p>
      </div>
    );
  }

  const projector = settings.data?.projector ?? { kind: 'nothing', targetId: null };
  const { kind, targetId } = projector;
  let main: ReactNode;
  if (kind === 'poll' && targetId) main = renderPoll(targetId);
  else if (kind === 'initiative' && targetId) main = renderInitiative(targetId);
  else if (kind === 'qa') main = <QuestionsPresentView roomId={roomId} />;
  else main = <RoomIdleView room={room} />;

  const link = roomShortLink(room);
  // Printed without the scheme, and broken (if at all) between the host and the path.
  const { host } = new URL(link);
  const path = link.slice(link.indexOf(host) + host.length);
  return (
    <div
      className={`hx-present hx-room-present hx-room-present--${kind}`}
      data-testid="room-presenter"
      data-kind={kind}
    >
      <main className="hx-present__main">{main}</main>
      <aside className="hx-present__side hx-room-present__side" aria-label={t('presenter.join')}>
        {kind !== 'nothing' ? <p className="hx-room-present__room">{room.title}</p> : null}
        {session}
        <div className="hx-present__qr">
          <QRCodeSVG value={link} size={320} marginSize={2} title={t('presenter.qrTitle')} />
        </div>
        <p className="hx-present__scan">{t(kind === 'qa' ? 'qa.present.scan' : 'presenter.scan')}</p>
        <p className="hx-room-present__link" data-testid="room-short-link">
          {host}
          <wbr />
          {path}
        </p>
        {connection !== 'connected' ? (
          <p className="hx-present__connection" role="status">
            {t(`presenter.${connection}`)}
          </p>
        ) : null}
      </aside>
    </div>
  );
}
