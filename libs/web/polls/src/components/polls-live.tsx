import { usePollsLive } from '../hooks/use-polls-live';

/** Renders nothing; keeps the polls cache live. Mount once inside the signed-in layout. */
export function PollsLive() {
  usePollsLive();
  return null;
}
