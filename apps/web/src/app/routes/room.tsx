import { RoomPage } from '@helix/web/discussion';
import { RoomPollsPanel } from '@helix/web/polls';
import { useParams } from 'react-router';

export function RoomRoute() {
  const { roomId = '' } = useParams();
  return (
    <RoomPage>
      <RoomPollsPanel roomId={roomId} />
    </RoomPage>
  );
}
