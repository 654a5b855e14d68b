import { useDiscussionLive } from '../hooks/use-discussion-live';
import { useMentionNotices } from '../hooks/use-mention-notices';

/** Renders nothing; keeps the discussion cache live. Mount once inside the signed-in layout. */
export function DiscussionLive() {
  useDiscussionLive();
  useMentionNotices();
  return null;
}
