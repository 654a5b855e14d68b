import { BadgeSignInPage } from '@helix/web/auth/badge-link';

export default function BadgeSignInRoute() {
  return <BadgeSignInPage />;
}
