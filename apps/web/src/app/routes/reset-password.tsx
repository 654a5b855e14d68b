import { ResetPasswordForm } from '@helix/web/auth/email-links';

export default function ResetPasswordRoute() {
  return <ResetPasswordForm />;
}
