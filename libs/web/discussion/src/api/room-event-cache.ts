import type { Message, MessagePage, RoomEvent, Thread } from '@helix/contract';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { discussionKeys } from './query-keys';

type MessagePages = InfiniteData<MessagePage, number | undefined>;

/** Puts the server's version of a message into its thread's pages; returns false if that thread is not loaded. */
export function upsertMessage(queryClient: QueryClient, message: Message): boolean {
  const key = discussionKeys.messages(message.roomId, message.threadId);
  const data = queryClient.getQueryData<MessagePages>(key);
  if (!data) return false;
  let found = false;
  const pages = data.pages.map((page) => {
    const index = page.items.findIndex((item) => item.id === message.id);
    if (index < 0) return page;
    found = true;
    const items = [...page.items];
    items[index] = message;
    return { ...page, items };
  });
  if (!found) {
    const newest = pages[0] ?? { items: [], hasMore: false };
    pages[0] = { ...newest, items: [...newest.items, message].sort((a, b) => a.seq - b.seq) };
  }
  queryClient.setQueryData<MessagePages>(key, { ...data, pages });
  return true;
}

export function upsertThread(queryClient: QueryClient, thread: Thread): void {
  queryClient.setQueryData<Thread[]>(discussionKeys.threads(thread.roomId), (threads) => {
    if (!threads) return threads;
    // A deleted thread leaves the list.
    if (thread.deleted) return threads.filter((item) => item.id !== thread.id);
    const index = threads.findIndex((item) => item.id === thread.id);
    if (index < 0) return [...threads, thread];
    const next = [...threads];
    next[index] = thread;
    return next;
  });
}

/** A new message makes its thread more recently active; the heuristic keeps replays from counting twice. */
function touchThread(queryClient: QueryClient, message: Message): void {
  queryClient.setQueryData<Thread[]>(discussionKeys.threads(message.roomId), (threads) =>
    threads?.map((thread) =>
      thread.id === message.threadId && thread.lastActivityAt < message.createdAt
        ? { ...thread, messageCount: thread.messageCount + 1, lastActivityAt: message.createdAt }
        : thread,
    ),
  );
}

/** Applies one room event (already in seq order) to the query cache. */
export function applyRoomEvent(queryClient: QueryClient, event: RoomEvent): void {
  switch (event.type) {
    case 'message.created': {
      const message = (event as RoomEvent<'message.created'>).payload;
      upsertMessage(queryClient, message);
      touchThread(queryClient, message);
      break;
    }
    case 'message.updated':
    case 'message.deleted':
    case 'message.hidden':
    case 'reaction.updated':
      upsertMessage(queryClient, event.payload as Message);
      break;
    case 'thread.created':
    case 'thread.updated':
      upsertThread(queryClient, event.payload as Thread);
      break;
    default:
      // Polls and initiatives belong to other features.
      break;
  }
}
