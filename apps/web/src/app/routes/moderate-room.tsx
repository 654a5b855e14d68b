import type { Projector } from '@helix/contract';
import { isModerator, useCurrentUser, useRooms } from '@helix/web/data-access';
import { Breadcrumbs, RoomNotFound, ThreadsConsoleSection, useThreads } from '@helix/web/discussion/console';
import { InitiativesConsoleSection, useInitiatives } from '@helix/web/initiatives/console';
import {
  ConsoleSectionLinks,
  ModerationLog,
  ModeratorsOnly,
  OnlineByGroup,
  ProjectorButton,
  ProjectorCard,
  QaReviewToggle,
  useModerationLive,
} from '@helix/web/moderation';
import { PollsConsoleSection, useRoomPolls } from '@helix/web/polls/console';
import { QaConsoleSection } from '@helix/web/qa/console';
import { Spinner, useDocumentTitle } from '@helix/web/ui';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

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

/** What the log's entries and the projector point at, by id, in words a moderator recognises. */
function useSubjects(roomId: string): ReadonlyMap<string, string> {
  const threads = useThreads(roomId);
  const polls = useRoomPolls(roomId);
  // All of the room's, not only those being voted on: the log also names the ones it closed.
  const initiatives = useInitiatives({ roomId });
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const thread of threads.data ?? []) names.set(thread.id, thread.title);
    for (const poll of polls.data ?? []) names.set(poll.id, poll.question);
    for (const initiative of initiatives.data ?? []) names.set(initiative.id, initiative.title);
    return names;
  }, [threads.data, polls.data, initiatives.data]);
}

function ModeratorConsole({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  useModerationLive(roomId);
  const rooms = useRooms();
  const subjects = useSubjects(roomId);
  const describeTarget = useCallback(
    (projector: Projector) => (projector.targetId ? subjects.get(projector.targetId) : undefined),
    [subjects],
  );
  const room = rooms.data?.find((item) => item.id === roomId);
  const heading = room ? t('moderation.documentTitle', { room: room.title }) : t('moderation.title');
  useDocumentTitle(heading);

  if (rooms.isPending) return <Spinner />;
  if (!room) return <RoomNotFound loadFailed={rooms.isError} />;
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
      <ConsoleSectionLinks
        sections={[
          { headingId: 'console-polls-heading', label: t('moderation.polls.title') },
          { headingId: 'console-qa-heading', label: t('moderation.qa.title') },
          { headingId: 'moderation-log-heading', label: t('moderation.log.title') },
        ]}
      />
      <div className="hx-console" data-testid="moderator-console">
        <div className="hx-console__column">
          <ProjectorCard roomId={roomId} describeTarget={describeTarget} />
          <PollsConsoleSection
            roomId={roomId}
            projectorButton={(poll) => <ProjectorButton roomId={roomId} kind="poll" targetId={poll.id} />}
          />
          <InitiativesConsoleSection
            roomId={roomId}
            projectorButton={(initiative) => (
              <ProjectorButton roomId={roomId} kind="initiative" targetId={initiative.id} />
            )}
          />
          <ThreadsConsoleSection roomId={roomId} />
        </div>
        <div className="hx-console__column">
          <OnlineByGroup roomId={roomId} />
          <QaConsoleSection roomId={roomId} reviewSwitch={<QaReviewToggle roomId={roomId} />} />
          <ModerationLog roomId={roomId} subjects={subjects} />
        </div>
      </div>
    </>
  );
}
