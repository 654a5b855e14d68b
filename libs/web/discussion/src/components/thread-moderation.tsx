import type { Thread } from '@helix/contract';
import { ActionError, Button } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useUpdateThread } from '../api/update-thread';

/** Each switch flips one of the thread's flags; its label says what a press does next. */
const SWITCHES = [
  { flag: 'pinned', set: 'threads.pin', unset: 'threads.unpin' },
  { flag: 'locked', set: 'threads.lock', unset: 'threads.unlock' },
  { flag: 'resolved', set: 'threads.resolve', unset: 'threads.reopen' },
] as const;

/** Pin, lock and resolve switches for moderators and admins. */
export function ThreadModeration({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const update = useUpdateThread(thread.roomId);
  return (
    <div className="hx-row" role="group" aria-label={t('threads.moderation')}>
      {SWITCHES.map(({ flag, set, unset }) => (
        <Button
          key={flag}
          size="small"
          variant="secondary"
          aria-pressed={thread[flag]}
          disabled={update.isPending}
          onClick={() => update.mutate({ threadId: thread.id, [flag]: !thread[flag] })}
        >
          {thread[flag] ? t(unset) : t(set)}
        </Button>
      ))}
      <ActionError error={update.error} inline />
    </div>
  );
}
