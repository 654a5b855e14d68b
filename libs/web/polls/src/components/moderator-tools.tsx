import { Spinner } from '@helix/web/ui';
import { lazy, Suspense, type ComponentProps } from 'react';

// Only moderators draft and run polls: their tools load when a moderator's page shows them, keeping the
// first page within its budget.
const PollComposer = lazy(() =>
  import('./poll-composer').then((module) => ({ default: module.PollComposer })),
);

export function LazyPollComposer(props: ComponentProps<typeof PollComposer>) {
  return (
    <Suspense fallback={<Spinner />}>
      <PollComposer {...props} />
    </Suspense>
  );
}

const PollModeration = lazy(() =>
  import('./poll-moderation').then((module) => ({ default: module.PollModeration })),
);

export function LazyPollModeration(props: ComponentProps<typeof PollModeration>) {
  return (
    <Suspense fallback={null}>
      <PollModeration {...props} />
    </Suspense>
  );
}
