import { Outlet, useParams } from 'react-router';
import { useRoomMembership } from '../hooks/use-room-membership';

/** Route element for /rooms/:roomId/*: the room stays joined while any of its pages is open. */
export function RoomShell() {
  const { roomId = '' } = useParams();
  useRoomMembership(roomId);
  return <Outlet />;
}
