import { RoomPage } from '@helix/web/discussion';

export function RoomRoute() {
  return <RoomPage />;
}
