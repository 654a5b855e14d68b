import { ThreadPage } from '@helix/web/discussion/room';

export function ThreadRoute() {
  return <ThreadPage />;
}
