import type { Message, PublicUser, TypingPayload } from '@helix/contract';
import { getSocket } from '@helix/web/data-access';
import { useCallback, useEffect, useRef, useState } from 'react';

/** How long "X is typing…" stays after the last typing signal. */
export const TYPING_VISIBLE_MS = 4_000;
/** At most one typing signal per this interval while the user types. */
export const TYPING_THROTTLE_MS = 2_000;

/**
 * Who is typing in the thread now. A message from one of them (`latest`, the thread's newest) ends
 * their typing at once rather than when the signal times out.
 */
export function useTypingUsers(
  roomId: string,
  threadId: string,
  selfId: string | undefined,
  latest: Pick<Message, 'id' | 'author'> | undefined,
): PublicUser[] {
  // Each signal remembers the newest message when it came: a newer one by the same person ends it.
  const [typing, setTyping] = useState<Array<{ user: PublicUser; until: number; after: string | undefined }>>(
    [],
  );
  const latestId = useRef(latest?.id);
  useEffect(() => {
    latestId.current = latest?.id;
  }, [latest?.id]);

  useEffect(() => {
    const socket = getSocket();
    const onTyping = (payload: TypingPayload) => {
      if (payload.roomId !== roomId || payload.threadId !== threadId || payload.user.id === selfId) return;
      const until = Date.now() + TYPING_VISIBLE_MS;
      setTyping((current) => [
        ...current.filter((entry) => entry.user.id !== payload.user.id),
        { user: payload.user, until, after: latestId.current },
      ]);
    };
    socket.on('typing', onTyping);
    return () => {
      socket.off('typing', onTyping);
      setTyping([]);
    };
  }, [roomId, threadId, selfId]);

  useEffect(() => {
    if (!typing.length) return;
    const next = Math.min(...typing.map((entry) => entry.until));
    const timer = setTimeout(
      () => setTyping((current) => current.filter((entry) => entry.until > Date.now())),
      Math.max(0, next - Date.now()) + 20,
    );
    return () => clearTimeout(timer);
  }, [typing]);

  return typing
    .filter((entry) => !(latest && latest.author.id === entry.user.id && latest.id !== entry.after))
    .map((entry) => entry.user);
}

/** Returns a function to call on each keystroke; it tells the room at most once per 2 s. */
export function useTypingNotifier(roomId: string, threadId: string): () => void {
  const lastSent = useRef(0);
  return useCallback(() => {
    const now = Date.now();
    if (now - lastSent.current < TYPING_THROTTLE_MS) return;
    const socket = getSocket();
    if (!socket.connected) return;
    lastSent.current = now;
    socket.emit('typing', { roomId, threadId }, () => undefined);
  }, [roomId, threadId]);
}
