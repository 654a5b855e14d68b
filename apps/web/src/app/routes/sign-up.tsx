import { SignUpForm } from '@helix/web/auth';

export function SignUpRoute() {
  return <SignUpForm />;
}
