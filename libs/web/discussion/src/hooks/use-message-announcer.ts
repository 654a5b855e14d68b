import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Screen readers hear at most one summary per this interval, however busy the thread is. */
export const ANNOUNCE_INTERVAL_MS = 2_000;

/**
 * Turns a growing list of messages into polite announcements: "New message from Ana" or "3 new messages".
 * Only messages with a seq above the newest seen so far count, so loading older ones says nothing.
 */
export function useMessageAnnouncer(
  messages: ReadonlyArray<{ seq: number; author: { id: string; displayName: string } }>,
  selfId: string | undefined,
): { id: number; text: string } | null {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState<{ id: number; text: string } | null>(null);
  const maxSeq = useRef<number | null>(null);
  const pending = useRef<string[]>([]);
  const lastAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const newest = messages.reduce((max, message) => Math.max(max, message.seq), 0);
    if (maxSeq.current === null) {
      if (messages.length) maxSeq.current = newest;
      return;
    }
    const seen = maxSeq.current;
    const fresh = messages.filter((message) => message.seq > seen && message.author.id !== selfId);
    maxSeq.current = Math.max(seen, newest);
    if (!fresh.length) return;
    pending.current.push(...fresh.map((message) => message.author.displayName));
    if (timer.current) return;
    const flush = () => {
      timer.current = null;
      const names = pending.current;
      pending.current = [];
      if (!names.length) return;
      lastAt.current = Date.now();
      setAnnouncement((current) => ({
        id: (current?.id ?? 0) + 1,
        text:
          names.length === 1
            ? t('thread.newMessageFrom', { name: names[0] })
            : t('thread.newMessages', { count: names.length }),
      }));
    };
    timer.current = setTimeout(flush, Math.max(0, lastAt.current + ANNOUNCE_INTERVAL_MS - Date.now()));
  }, [messages, selfId, t]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return announcement;
}
