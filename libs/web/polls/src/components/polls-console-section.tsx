import type { Poll } from '@helix/contract';
import { CardSection, LoadError, Spinner } from '@helix/web/ui';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoomPolls } from '../api/get-room-polls';
import { computePollResults } from '../lib/poll-results';
import { GroupSplitTable } from './group-split-table';
import { PollMeta } from './poll-card';
import { PollComposer } from './poll-composer';
import { PollModeration } from './poll-moderation';
import { PollResultList } from './poll-options';

/** Switches the room's projector to a poll; another feature's, so the app passes it in. */
export type PollProjectorButton = (poll: Poll) => ReactNode;

/** An open or closed poll's results as they come in (the polls cache is live), with the split by group. */
function ConsolePollResults({ poll }: { poll: Poll }) {
  const results = useMemo(() => computePollResults(poll), [poll]);
  return (
    <div data-testid="console-poll-results">
      <PollResultList results={results} />
      <GroupSplitTable results={results} anonymous={poll.anonymous} />
    </div>
  );
}

function ConsolePoll({ poll, projectorButton }: { poll: Poll; projectorButton: PollProjectorButton }) {
  const { t } = useTranslation();
  return (
    <li
      className="hx-console__item"
      data-testid="console-poll"
      data-poll-id={poll.id}
      data-status={poll.status}
    >
      <h3>{poll.question}</h3>
      <PollMeta poll={poll} />
      {poll.status !== 'draft' ? <ConsolePollResults poll={poll} /> : null}
      <PollModeration poll={poll} projector={projectorButton(poll)} />
      {poll.status === 'draft' ? <p className="hx-muted">{t('moderation.polls.draftHint')}</p> : null}
    </li>
  );
}

/**
 * A room's moderator console: a new poll's composer, then the polls, open ones first (they are the ones
 * a moderator acts on during a session) with their live results, then drafts; closed polls folded away below.
 */
export function PollsConsoleSection({
  roomId,
  projectorButton,
}: {
  roomId: string;
  projectorButton: PollProjectorButton;
}) {
  const { t } = useTranslation();
  const polls = useRoomPolls(roomId);
  const all = polls.data ?? [];
  const current = [
    ...all.filter((poll) => poll.status === 'open'),
    ...all.filter((poll) => poll.status === 'draft'),
  ];
  const closed = all.filter((poll) => poll.status === 'closed');
  return (
    <CardSection headingId="console-polls-heading" title={t('moderation.polls.title')} testId="console-polls">
      <details className="hx-poll-admin__new" data-testid="console-new-poll">
        <summary>{t('polls.composer.create')}</summary>
        <PollComposer roomId={roomId} />
      </details>
      {polls.isPending ? <Spinner /> : null}
      {polls.isError ? (
        <LoadError message={t('polls.loadFailed')} onRetry={() => void polls.refetch()} />
      ) : null}
      {polls.isSuccess && !all.length ? <p className="hx-muted">{t('moderation.polls.empty')}</p> : null}
      {current.length ? (
        <ul className="hx-console__list" aria-label={t('moderation.polls.open')}>
          {current.map((poll) => (
            <ConsolePoll key={poll.id} poll={poll} projectorButton={projectorButton} />
          ))}
        </ul>
      ) : null}
      {closed.length ? (
        <details className="hx-poll-closed">
          <summary>
            {t('moderation.polls.closed')} ({closed.length})
          </summary>
          <ul className="hx-console__list" aria-label={t('moderation.polls.closed')}>
            {closed.map((poll) => (
              <ConsolePoll key={poll.id} poll={poll} projectorButton={projectorButton} />
            ))}
          </ul>
        </details>
      ) : null}
    </CardSection>
  );
}
