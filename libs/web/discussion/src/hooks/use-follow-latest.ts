import type { Message } from '@helix/contract';
import type { OutboxEntry } from '@helix/web/data-access';
import {
  useCallback,
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useRef,
  useState,
  type RefObject,
} from 'react';

/** Within this of the newest message the reader is "at the bottom", and the thread follows new ones. */
const NEAR_EDGE_PX = 48;

export const scrollBehavior = (): ScrollBehavior =>
  window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';

/**
 * The thread scrolls with the page, as a messenger's does, its composer stuck to the screen's bottom.
 * While the reader is at the newest message the page follows new ones; scrolled up, it stays put and
 * counts those that arrive from others (the "N new messages" pill); older ones loading above keep what
 * the reader was looking at in place. One's own message always brings the newest into view.
 */
export function useFollowLatest({
  messages,
  pending,
  selfId,
  listRef,
  endRef,
  footerRef,
  onNearTop,
}: {
  messages: Message[];
  pending: OutboxEntry[];
  selfId: string | undefined;
  /** The history's list: when its top comes into view, older messages are asked for. */
  listRef: RefObject<HTMLElement | null>;
  /** Just after the newest message. */
  endRef: RefObject<HTMLElement | null>;
  /** The sticky footer (composer) that covers the screen's bottom. */
  footerRef: RefObject<HTMLElement | null>;
  onNearTop: () => void;
}): { unseen: number; jumpToLatest: () => void } {
  const atBottom = useRef(true);
  const [unseen, setUnseen] = useState(0);
  const nearTop = useEffectEvent(onNearTop);
  const previous = useRef<{
    firstId: string | undefined;
    lastId: string | undefined;
    lastPending: string | undefined;
    pageHeight: number;
  } | null>(null);

  /** How far the newest message is below the footer's top edge (negative: above it). */
  const distance = useCallback((): number => {
    const end = endRef.current;
    if (!end) return 0;
    return end.getBoundingClientRect().bottom - (window.innerHeight - (footerRef.current?.offsetHeight ?? 0));
  }, [endRef, footerRef]);

  const jumpToLatest = useCallback(() => {
    window.scrollBy({ top: distance(), behavior: scrollBehavior() });
    atBottom.current = true;
    setUnseen(0);
  }, [distance]);

  useEffect(() => {
    const onScroll = () => {
      atBottom.current = distance() < NEAR_EDGE_PX;
      if (atBottom.current) setUnseen(0);
      const top = listRef.current?.getBoundingClientRect().top;
      if (top !== undefined && top > -NEAR_EDGE_PX) nearTop();
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, [distance, listRef]);

  const firstId = messages[0]?.id;
  const lastId = messages.at(-1)?.id;
  const lastPending = pending.at(-1)?.clientId;
  useLayoutEffect(() => {
    const before = previous.current;
    const pageHeight = document.documentElement.scrollHeight;
    const olderAbove = !!before?.firstId && before.firstId !== firstId && before.lastId === lastId;
    const sentOwn = !!lastPending && lastPending !== before?.lastPending;
    if (olderAbove && before) {
      window.scrollBy(0, pageHeight - before.pageHeight);
    } else if (atBottom.current || sentOwn) {
      window.scrollBy(0, distance());
      atBottom.current = true;
      setUnseen(0);
    } else if (before && lastId !== before.lastId) {
      const from = messages.findIndex((message) => message.id === before.lastId);
      const arrived = messages.slice(from + 1).filter((message) => message.author.id !== selfId).length;
      if (arrived) setUnseen((count) => count + arrived);
    }
    previous.current = { firstId, lastId, lastPending, pageHeight: document.documentElement.scrollHeight };
    // Runs when the ends of the history change, not on every re-render of its items.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstId, lastId, lastPending, pending.length]);

  return { unseen, jumpToLatest };
}
