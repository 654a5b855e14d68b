import { InitiativePresentView } from '@helix/web/initiatives/present';
import { PollPresentView } from '@helix/web/polls/present';
import CurrentSession from '@helix/web/forums/current-session';
import { RoomPresentPage } from '@helix/web/qa/present';
import { useParams } from 'react-router';

/**
 * Loaded on demand (see the router). The room's presenter frame comes from the Q&A feature; the poll
 * and initiative views it switches to come from their own features, composed here.
 */
export default function PresentRoomRoute() {
  const { roomId = '' } = useParams();
  return (
    <RoomPresentPage
      roomId={roomId}
      session={<CurrentSession roomId={roomId} presenter />}
      renderPoll={(pollId) => <PollPresentView pollId={pollId} />}
      renderInitiative={(initiativeId) => (
        <InitiativePresentView initiativeId={initiativeId} liveRoomId={roomId} />
      )}
    />
  );
}
