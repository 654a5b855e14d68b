import { MentionsPage } from '@helix/web/discussion/mentions';

export default function MentionsRoute() {
  return <MentionsPage />;
}
