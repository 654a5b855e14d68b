import { RoomPage } from '@helix/web/discussion/room';
import { RoomPollsPanel } from '@helix/web/polls/room';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';

// The Q&A loads after the room itself: the initial JavaScript stays within its budget.
const RoomQa = lazy(() => import('./room-qa'));
// The room's search, likewise after the room.
const RoomSearch = lazy(() => import('@helix/web/search').then((module) => ({ default: module.RoomSearch })));
// The agenda session running here, likewise after the room.
const CurrentSession = lazy(() => import('@helix/web/forums/current-session'));

export function RoomRoute() {
  const { roomId = '' } = useParams();
  return (
    <RoomPage>
      <Suspense fallback={null}>
        <RoomSearch roomId={roomId} />
      </Suspense>
      <Suspense fallback={null}>
        <CurrentSession roomId={roomId} />
      </Suspense>
      <RoomPollsPanel roomId={roomId} />
      <Suspense fallback={null}>
        <RoomQa roomId={roomId} />
      </Suspense>
    </RoomPage>
  );
}
