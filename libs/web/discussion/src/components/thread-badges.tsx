import type { Thread } from '@helix/contract';
import { useTranslation } from 'react-i18next';

/** Pinned, locked, resolved: the thread's flags as badges, in the same order everywhere it is listed. */
export function ThreadBadges({ thread }: { thread: Pick<Thread, 'pinned' | 'locked' | 'resolved'> }) {
  const { t } = useTranslation();
  return (
    <>
      {thread.pinned ? <span className="hx-badge">{t('threads.pinned')}</span> : null}
      {thread.locked ? <span className="hx-badge">{t('threads.locked')}</span> : null}
      {thread.resolved ? <span className="hx-badge hx-badge--resolved">{t('threads.resolved')}</span> : null}
    </>
  );
}
