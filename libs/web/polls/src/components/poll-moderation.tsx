import type { Poll } from '@helix/contract';
import { Button, NewTabLink } from '@helix/web/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClosePoll } from '../api/close-poll';
import { useDownloadPollResults } from '../api/download-poll-results';
import { useOpenPoll } from '../api/open-poll';

export const projectorPath = (pollId: string): string => `/present/poll/${encodeURIComponent(pollId)}`;

/**
 * What moderators do with a poll: open a draft, close an open poll, project it, export its results.
 * A room's moderator console leaves out the poll's own projector link (it switches the room's
 * projector instead, through `children`, which join the same row).
 */
export function PollModeration({
  poll,
  onEdit,
  projectorLink = true,
  children,
}: {
  poll: Poll;
  onEdit?: () => void;
  projectorLink?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const openPoll = useOpenPoll();
  const closePoll = useClosePoll();
  const download = useDownloadPollResults();
  const error = openPoll.error ?? closePoll.error ?? download.error;
  return (
    <div className="hx-poll-moderation">
      <div className="hx-row" role="group" aria-label={t('polls.moderation')}>
        {poll.status === 'draft' ? (
          <>
            {onEdit ? (
              <Button variant="secondary" size="small" onClick={onEdit}>
                {t('polls.edit')}
              </Button>
            ) : null}
            <Button size="small" disabled={openPoll.isPending} onClick={() => openPoll.mutate(poll.id)}>
              {t('polls.openPoll')}
            </Button>
          </>
        ) : null}
        {poll.status === 'open' ? (
          <Button
            variant="danger"
            size="small"
            disabled={closePoll.isPending}
            onClick={() => closePoll.mutate(poll.id)}
          >
            {t('polls.closePoll')}
          </Button>
        ) : null}
        {poll.status !== 'draft' && projectorLink ? (
          <NewTabLink href={projectorPath(poll.id)}>{t('polls.showOnProjector')}</NewTabLink>
        ) : null}
        {children}
        {poll.status !== 'draft' ? (
          <Button
            variant="secondary"
            size="small"
            disabled={download.isPending}
            onClick={() => download.mutate(poll.id)}
          >
            {t('polls.downloadCsv')}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p className="hx-error" role="alert">
          {t('errors.generic', { message: error.message })}
        </p>
      ) : null}
    </div>
  );
}
