import { InitiativePresentView } from '@helix/web/initiatives/present';
import { PollPresentView } from '@helix/web/polls/present';
import { RoomPresentPage } from '@helix/web/qa/present';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';

// The forums feature is loaded lazily wherever the app uses it (Nx's module-boundary rule).
const CurrentSession = lazy(() => import('@helix/web/forums/current-session'));

/**
 * Loaded on demand (see the router). The room's presenter frame comes from the Q&A feature; the poll
 * and initiative views it switches to come from their own features, composed here.
 */
export default function PresentRoomRoute() {
  const { roomId = '' } = useParams();
  return (
    <RoomPresentPage
      roomId={roomId}
      session={
        <Suspense fallback={null}>
          <CurrentSession roomId={roomId} presenter />
        </Suspense>
      }
      renderPoll={(pollId) => <PollPresentView pollId={pollId} />}
      renderInitiative={(initiativeId) => (
        <InitiativePresentView initiativeId={initiativeId} liveRoomId={roomId} />
      )}
    />
  );
}
