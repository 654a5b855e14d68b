import { useDiscussionLive } from '../hooks/use-discussion-live';

/** Renders nothing; keeps the discussion cache live. Mount once inside the signed-in layout. */
export function DiscussionLive() {
  useDiscussionLive();
  return null;
}
