import { SignInForm } from '@helix/web/auth';

export function SignInRoute() {
  return <SignInForm />;
}
