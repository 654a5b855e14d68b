import { ThreadPage } from '@helix/web/discussion';

export function ThreadRoute() {
  return <ThreadPage />;
}
