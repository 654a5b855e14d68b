import { ApiError, publicOrigin, useConnectionState } from '@helix/web/data-access';
import { Spinner, useDocumentTitle } from '@helix/web/ui';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { pollVoteUrl } from '../lib/poll-links';
import {
  HiddenPresentResults,
  PollPresentResults,
  usePresentedPoll,
  useProjectedCounts,
} from './poll-present-view';

/**
 * Full-screen results for the hall's projector: large type, live bars, the group split and a QR code
 * to vote. It joins the poll's room over the socket, so every vote shows up, after a reconnect too.
 */
export function PollPresentPage({ pollId }: { pollId: string }) {
  const { t } = useTranslation();
  const { poll, results } = usePresentedPoll(pollId);
  const connection = useConnectionState();
  const counts = useProjectedCounts(poll.data);
  useDocumentTitle(poll.data?.question ?? t('polls.present.title'));

  if (poll.isPending) {
    return (
      <div className="hx-present hx-present--message">
        <Spinner />
      </div>
    );
  }
  if (!poll.data || !results) {
    return (
      <div className="hx-present hx-present--message">
        <p role="alert">
          {poll.error instanceof ApiError && poll.error.status === 404
            ? t('polls.present.notFound')
            : t('polls.loadFailed')}
        </p>
      </div>
    );
  }

  const data = poll.data;
  const voteUrl = pollVoteUrl(publicOrigin(), data.roomId, data.id);

  return (
    <div className="hx-present" data-testid="projector" data-status={data.status} data-kind={data.kind}>
      <main className="hx-present__main">
        {counts.shown ? (
          <PollPresentResults poll={data} results={results} />
        ) : (
          <HiddenPresentResults poll={data} onReveal={counts.reveal} />
        )}
      </main>
      <aside className="hx-present__side" aria-label={t('polls.present.howToVote')}>
        {counts.shown ? (
          <p className="hx-present__voters" data-testid="projector-voters" aria-live="polite">
            {t('polls.voters', { count: results.voters })}
          </p>
        ) : null}
        {data.status === 'open' ? (
          <>
            <div className="hx-present__qr">
              <QRCodeSVG value={voteUrl} size={320} marginSize={2} title={t('polls.present.qrTitle')} />
            </div>
            <p className="hx-present__scan">{t('polls.present.scanToVote')}</p>
            <p className="hx-present__url">{voteUrl}</p>
          </>
        ) : (
          <p className="hx-present__status">{t(`polls.present.${data.status}`)}</p>
        )}
        {connection !== 'connected' ? (
          <p className="hx-present__connection" role="status">
            {t(`polls.present.${connection}`)}
          </p>
        ) : null}
      </aside>
    </div>
  );
}
