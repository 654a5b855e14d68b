import type { Message } from '@helix/contract';
import { useEffect, useRef } from 'react';
import { scrollBehavior } from './use-follow-latest';

/** The query parameter a search result or a link puts the message's id in: `?message=<id>`. */
export const MESSAGE_PARAM = 'message';

/**
 * Brings the linked message into view once it has loaded (asking for older pages until it has), focuses
 * it and flashes it once (`data-flash`, a CSS animation), so the reader sees which one the link meant.
 */
export function useScrollToMessage(
  messageId: string | null,
  messages: readonly Message[],
  older: { hasOlder: boolean; loadOlder: () => void },
): void {
  const done = useRef<string | null>(null);
  const loaded = messageId ? messages.some((message) => message.id === messageId) : false;
  const { hasOlder, loadOlder } = older;
  useEffect(() => {
    if (!messageId || done.current === messageId || !messages.length) return;
    if (!loaded) {
      if (hasOlder) loadOlder();
      return;
    }
    const element = document.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(messageId)}"]`);
    if (!element) return;
    done.current = messageId;
    element.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
    element.focus({ preventScroll: true });
    element.dataset['flash'] = '';
  }, [messageId, loaded, messages.length, hasOlder, loadOlder]);
}
