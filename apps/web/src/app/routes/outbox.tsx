import { Outbox } from '@helix/web/people';

export default function OutboxRoute() {
  return <Outbox />;
}
