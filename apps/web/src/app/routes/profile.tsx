import { ProfilePage } from '@helix/web/auth';

export default function ProfileRoute() {
  return <ProfilePage />;
}
