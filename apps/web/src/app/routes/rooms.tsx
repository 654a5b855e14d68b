import { RoomListPage } from '@helix/web/discussion';

export function RoomsRoute() {
  return <RoomListPage />;
}
