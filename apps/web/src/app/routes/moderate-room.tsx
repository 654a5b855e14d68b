import type { Initiative, Projector } from '@helix/contract';
import { isModerator, useCurrentUser } from '@helix/web/data-access';
import { Breadcrumbs, ThreadsConsoleSection, useRooms, useThreads } from '@helix/web/discussion';
import { useInitiatives } from '@helix/web/initiatives';
import {
  ModerationLog,
  ModeratorsOnly,
  OnlineByGroup,
  ProjectorButton,
  ProjectorCard,
  QaReviewToggle,
  useModerationLive,
} from '@helix/web/moderation';
import { PollsConsoleSection, useRoomPolls } from '@helix/web/polls';
import { QuestionReviewQueue } from '@helix/web/qa';
import { Button, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

/**
 * Loaded on demand (see the router): a room's moderator console. The moderation feature brings the
 * projector, Q&A review switch, presence by group and the log; the polls, threads, initiatives and
 * question queue come from their own features, composed here.
 */
export default function ModerateRoomRoute() {
  const { roomId = '' } = useParams();
  const { data: user, isPending } = useCurrentUser();
  if (isPending) return <Spinner />;
  if (!isModerator(user)) return <ModeratorsOnly roomId={roomId} />;
  return <ModeratorConsole key={roomId} roomId={roomId} />;
}

function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <p className="hx-error">{message}</p>
      <Button onClick={onRetry}>{t('common.retry')}</Button>
    </div>
  );
}

function ConsoleSection({
  id,
  title,
  testId,
  children,
}: {
  id: string;
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section className="hx-card" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function InitiativesSection({
  roomId,
  initiatives,
}: {
  roomId: string;
  initiatives: ReturnType<typeof useInitiatives>;
}) {
  const { t } = useTranslation();
  return (
    <ConsoleSection
      id="console-initiatives-heading"
      title={t('moderation.initiatives.title')}
      testId="console-initiatives"
    >
      {initiatives.isPending ? <Spinner /> : null}
      {initiatives.isError ? (
        <LoadError message={t('initiatives.board.loadFailed')} onRetry={() => void initiatives.refetch()} />
      ) : null}
      {initiatives.data && !initiatives.data.length ? (
        <p className="hx-muted">{t('moderation.initiatives.empty')}</p>
      ) : null}
      {initiatives.data?.length ? (
        <ul className="hx-console__list">
          {initiatives.data.map((initiative: Initiative) => (
            <li key={initiative.id} className="hx-console__item" data-testid="console-initiative">
              <h3>
                <Link to={`/initiatives/${initiative.id}`}>{initiative.title}</Link>
              </h3>
              <p className="hx-card__meta">
                {t('moderation.initiatives.votes', { count: initiative.tally.total })}
              </p>
              <div className="hx-row">
                <ProjectorButton roomId={roomId} kind="initiative" targetId={initiative.id} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </ConsoleSection>
  );
}

function ModeratorConsole({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  useModerationLive(roomId);
  const rooms = useRooms();
  const threads = useThreads(roomId);
  const polls = useRoomPolls(roomId);
  const initiatives = useInitiatives({ roomId, status: 'voting' });
  const room = rooms.data?.find((item) => item.id === roomId);
  const heading = room ? t('moderation.documentTitle', { room: room.title }) : t('moderation.title');
  useDocumentTitle(heading);

  // What the log's entries and the projector point at, by id, in words a moderator recognises.
  const subjects = useMemo(() => {
    const names = new Map<string, string>();
    for (const thread of threads.data ?? []) names.set(thread.id, thread.title);
    for (const poll of polls.data ?? []) names.set(poll.id, poll.question);
    for (const initiative of initiatives.data ?? []) names.set(initiative.id, initiative.title);
    return names;
  }, [threads.data, polls.data, initiatives.data]);
  const describeTarget = useCallback(
    (projector: Projector) => (projector.targetId ? subjects.get(projector.targetId) : undefined),
    [subjects],
  );

  if (rooms.isPending) return <Spinner />;
  if (!room) {
    return (
      <p role="alert" className="hx-error">
        {rooms.isError ? t('rooms.loadFailed') : t('rooms.notFound')}
      </p>
    );
  }

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('rooms.title'), to: '/rooms' },
          { label: room.title, to: `/rooms/${room.id}` },
          { label: t('moderation.title'), to: `/rooms/${room.id}/moderate` },
        ]}
      />
      <h1>{heading}</h1>
      <p>{t('moderation.intro')}</p>
      <div className="hx-console" data-testid="moderator-console">
        <div className="hx-console__column">
          <ProjectorCard roomId={roomId} describeTarget={describeTarget} />
          <PollsConsoleSection
            roomId={roomId}
            projectorButton={(poll) => <ProjectorButton roomId={roomId} kind="poll" targetId={poll.id} />}
          />
          <InitiativesSection roomId={roomId} initiatives={initiatives} />
          <ThreadsConsoleSection roomId={roomId} />
        </div>
        <div className="hx-console__column">
          <OnlineByGroup roomId={roomId} />
          <ConsoleSection id="console-qa-heading" title={t('moderation.qa.title')} testId="console-qa">
            <QaReviewToggle roomId={roomId} />
            <QuestionReviewQueue roomId={roomId} headingLevel={3} />
          </ConsoleSection>
          <ModerationLog roomId={roomId} subjects={subjects} />
        </div>
      </div>
    </>
  );
}
