import { SignInLinkPage } from '@helix/web/auth/email-links';

export default function SignInLinkRoute() {
  return <SignInLinkPage />;
}
