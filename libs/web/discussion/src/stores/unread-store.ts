import { safeStorage } from '@helix/web/data-access';
import { useSyncExternalStore } from 'react';

const KEY = 'helix.unread';
const OWNER_KEY = 'helix.unread.owner';

type Counts = Record<string, Record<string, number>>;

let counts: Counts = safeStorage.read<Counts>(KEY) ?? {};
let viewing: { roomId: string; threadId: string } | null = null;
const listeners = new Set<() => void>();

function changed(): void {
  safeStorage.write(KEY, counts);
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Unread messages per room and thread: what arrived while the user was not looking at that thread. */
export const unreadStore = {
  subscribe,
  isViewing(roomId: string, threadId: string): boolean {
    return (
      viewing?.roomId === roomId &&
      viewing.threadId === threadId &&
      (typeof document === 'undefined' || document.visibilityState !== 'hidden')
    );
  },
  /** Marks a thread as open on screen (and read); returns the matching close. */
  view(roomId: string, threadId: string): () => void {
    viewing = { roomId, threadId };
    unreadStore.markRead(roomId, threadId);
    return () => {
      if (viewing?.roomId === roomId && viewing.threadId === threadId) viewing = null;
    };
  },
  increment(roomId: string, threadId: string): void {
    const room = counts[roomId] ?? {};
    counts = { ...counts, [roomId]: { ...room, [threadId]: (room[threadId] ?? 0) + 1 } };
    changed();
  },
  markRead(roomId: string, threadId: string): void {
    if (!counts[roomId]?.[threadId]) return;
    const { [threadId]: _read, ...rest } = counts[roomId];
    counts = { ...counts, [roomId]: rest };
    changed();
  },
  thread(roomId: string, threadId: string): number {
    return counts[roomId]?.[threadId] ?? 0;
  },
  /** Counts belong to one account: another one signing in on this browser starts from zero. */
  setOwner(userId: string): void {
    if (safeStorage.read<string>(OWNER_KEY) === userId) return;
    safeStorage.write(OWNER_KEY, userId);
    unreadStore.reset();
  },
  reset(): void {
    counts = {};
    viewing = null;
    changed();
  },
};

export function useThreadUnread(roomId: string, threadId: string): number {
  return useSyncExternalStore(subscribe, () => unreadStore.thread(roomId, threadId));
}
