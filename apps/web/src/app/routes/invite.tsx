import { InvitationPage } from '@helix/web/people';

export default function InviteRoute() {
  return <InvitationPage />;
}
