import type { Poll } from '@helix/contract';
import { isModerator, useCurrentUser } from '@helix/web/data-access';
import { LoadError } from '@helix/web/ui';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useRoomPolls } from '../api/get-room-polls';
import { PollCard, pollElementId } from './poll-card';
import { LazyPollComposer } from './moderator-tools';
import { POLLS_HEADING_ID } from '../lib/poll-links';

const byStatus = (polls: readonly Poll[], status: Poll['status']) =>
  polls.filter((poll) => poll.status === status);

/** `?poll=<id>` (the projector's QR code) brings that poll into view once it has loaded. */
function useScrollToPoll(pollId: string | null, loaded: boolean): void {
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!pollId || !loaded || done.current === pollId) return;
    const element = document.getElementById(pollElementId(pollId));
    if (!element) return;
    done.current = pollId;
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'start' });
    element.focus({ preventScroll: true });
  }, [pollId, loaded]);
}

/** The room's polls, above its threads: open polls to vote in, closed ones folded, drafts for moderators. */
export function RoomPollsPanel({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const canModerate = isModerator(user);
  const polls = useRoomPolls(roomId);
  const [searchParams] = useSearchParams();
  const focusId = searchParams.get('poll');
  useScrollToPoll(focusId, polls.isSuccess);

  const all = polls.data ?? [];
  const open = byStatus(all, 'open');
  const closed = byStatus(all, 'closed');
  const drafts = byStatus(all, 'draft');
  if (!canModerate && !polls.isError && !open.length && !closed.length) return null;

  return (
    <section className="hx-polls" aria-labelledby={POLLS_HEADING_ID} data-testid="room-polls">
      <h2 id={POLLS_HEADING_ID}>{t('polls.title')}</h2>
      {polls.isError ? (
        <LoadError message={t('polls.loadFailed')} onRetry={() => void polls.refetch()} />
      ) : null}
      {open.length ? (
        <ul className="hx-card-list" aria-label={t('polls.openPolls')}>
          {open.map((poll) => (
            <li key={poll.id}>
              <PollCard poll={poll} canModerate={canModerate} highlighted={poll.id === focusId} />
            </li>
          ))}
        </ul>
      ) : polls.isSuccess ? (
        <p className="hx-muted">{t('polls.noOpenPolls')}</p>
      ) : null}
      {canModerate ? (
        <div className="hx-poll-admin">
          <details className="hx-poll-admin__new">
            <summary>{t('polls.composer.create')}</summary>
            <LazyPollComposer roomId={roomId} />
          </details>
          {drafts.length ? (
            <>
              <h3>{t('polls.drafts')}</h3>
              <ul className="hx-card-list" aria-label={t('polls.drafts')}>
                {drafts.map((poll) => (
                  <li key={poll.id}>
                    <PollCard poll={poll} canModerate />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {closed.length ? (
        <>
          <h3>{t('polls.closedPolls')}</h3>
          <ul className="hx-card-list hx-poll-closed" aria-label={t('polls.closedPolls')}>
            {closed.map((poll) => (
              <li key={poll.id}>
                <details open={poll.id === focusId || undefined}>
                  <summary>
                    {poll.question}{' '}
                    <span className="hx-muted">({t('polls.voters', { count: poll.voters })})</span>
                  </summary>
                  <PollCard poll={poll} canModerate={canModerate} highlighted={poll.id === focusId} />
                </details>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
