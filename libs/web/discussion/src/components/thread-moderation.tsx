import type { Thread } from '@helix/contract';
import { Button } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useUpdateThread } from '../api/update-thread';

/** Pin, lock and resolve switches for moderators and admins. */
export function ThreadModeration({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const update = useUpdateThread(thread.roomId);
  return (
    <div className="hx-row" role="group" aria-label={t('threads.moderation')}>
      <Button
        size="small"
        variant="secondary"
        aria-pressed={thread.pinned}
        disabled={update.isPending}
        onClick={() => update.mutate({ threadId: thread.id, pinned: !thread.pinned })}
      >
        {thread.pinned ? t('threads.unpin') : t('threads.pin')}
      </Button>
      <Button
        size="small"
        variant="secondary"
        aria-pressed={thread.locked}
        disabled={update.isPending}
        onClick={() => update.mutate({ threadId: thread.id, locked: !thread.locked })}
      >
        {thread.locked ? t('threads.unlock') : t('threads.lock')}
      </Button>
      <Button
        size="small"
        variant="secondary"
        aria-pressed={thread.resolved}
        disabled={update.isPending}
        onClick={() => update.mutate({ threadId: thread.id, resolved: !thread.resolved })}
      >
        {thread.resolved ? t('threads.reopen') : t('threads.resolve')}
      </Button>
      {update.error ? (
        <span className="hx-error" role="alert">
          {t('errors.generic', { message: update.error.message })}
        </span>
      ) : null}
    </div>
  );
}
