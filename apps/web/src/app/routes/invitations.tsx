import { InvitationsScreen } from '@helix/web/people';

export default function InvitationsRoute() {
  return <InvitationsScreen />;
}
