import { ProfilePage } from '@helix/web/auth/profile';

export default function ProfileRoute() {
  return <ProfilePage />;
}
