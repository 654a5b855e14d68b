import { PeopleDirectory } from '@helix/web/people';

export default function PeopleRoute() {
  return <PeopleDirectory />;
}
