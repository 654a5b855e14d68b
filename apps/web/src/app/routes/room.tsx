import { RoomPage } from '@helix/web/discussion';
import { RoomPollsPanel } from '@helix/web/polls';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';

// The Q&A loads after the room itself: the initial JavaScript stays within its budget.
const RoomQa = lazy(() => import('./room-qa'));

export function RoomRoute() {
  const { roomId = '' } = useParams();
  return (
    <RoomPage>
      <RoomPollsPanel roomId={roomId} />
      <Suspense fallback={null}>
        <RoomQa roomId={roomId} />
      </Suspense>
    </RoomPage>
  );
}
