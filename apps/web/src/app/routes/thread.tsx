import type { MessageAttachment } from '@helix/contract';
import { ThreadPage } from '@helix/web/discussion/room';
import { PollResultCard } from '@helix/web/polls/room';

/** What Helix attaches to a message, shown by the feature it comes from. */
function renderAttachment(attachment: MessageAttachment) {
  switch (attachment.type) {
    case 'poll_result':
      return <PollResultCard result={attachment.poll} />;
  }
}

export function ThreadRoute() {
  return <ThreadPage renderAttachment={renderAttachment} />;
}
