import { EmailLinkForm } from '@helix/web/auth/email-links';
import type { ComponentProps } from 'react';

export default function EmailLinkRoute(props: ComponentProps<typeof EmailLinkForm>) {
  return <EmailLinkForm {...props} />;
}
