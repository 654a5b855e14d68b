import type { Message, MessagePage, RoomEvent, Thread } from '@helix/contract';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { discussionKeys } from './query-keys';
import { applyRoomEvent } from './room-event-cache';

const ROOM = 'a'.repeat(24);
const THREAD = 'b'.repeat(24);

function message(seq: number, patch: Partial<Message> = {}): Message {
  return {
    id: String(seq).padStart(24, '0'),
    roomId: ROOM,
    threadId: THREAD,
    seq,
    clientId: `c${seq}`,
    author: { id: 'c'.repeat(24), displayName: 'Ana', organization: 'Uni', stakeholderGroup: 'university' },
    attachment: null,
    text: `text ${seq}`,
    replyTo: null,
    reactions: {},
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
    editedAt: null,
    deleted: false,
    hidden: null,
    ...patch,
  };
}

const roomEvent = (seq: number, type: RoomEvent['type'], payload: unknown): RoomEvent =>
  ({ roomId: ROOM, seq, type, payload, at: new Date().toISOString() }) as RoomEvent;

describe('applyRoomEvent', () => {
  const key = discussionKeys.messages(ROOM, THREAD);
  let client: QueryClient;
  beforeEach(() => {
    client = new QueryClient();
    client.setQueryData<InfiniteData<MessagePage, number | undefined>>(key, {
      pages: [
        { items: [message(3), message(4)], hasMore: true },
        { items: [message(1), message(2)], hasMore: false },
      ],
      pageParams: [undefined, 3],
    });
  });
  const items = () =>
    client
      .getQueryData<InfiniteData<MessagePage>>(key)
      ?.pages.slice()
      .reverse()
      .flatMap((page) => page.items) ?? [];

  it('appends a created message once, even when the event is applied twice', () => {
    applyRoomEvent(client, roomEvent(10, 'message.created', message(5)));
    applyRoomEvent(client, roomEvent(10, 'message.created', message(5)));
    expect(items().map((item) => item.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('replaces edited and deleted messages in place, on any page', () => {
    applyRoomEvent(
      client,
      roomEvent(11, 'message.updated', message(1, { text: 'edited', editedAt: new Date().toISOString() })),
    );
    applyRoomEvent(client, roomEvent(12, 'message.deleted', message(3, { text: '', deleted: true })));
    expect(items().map((item) => [item.seq, item.text, item.deleted])).toEqual([
      [1, 'edited', false],
      [2, 'text 2', false],
      [3, '', true],
      [4, 'text 4', false],
    ]);
  });

  it('shows a hidden message as hidden, with the reason in place of its text', () => {
    const hidden = { reason: 'Personal data', at: new Date().toISOString() };
    applyRoomEvent(client, roomEvent(15, 'message.hidden', message(2, { text: '', hidden })));
    expect(items().map((item) => [item.seq, item.text, item.hidden])).toEqual([
      [1, 'text 1', null],
      [2, '', hidden],
      [3, 'text 3', null],
      [4, 'text 4', null],
    ]);
  });

  it('adds created threads and updates changed ones', () => {
    const thread = { id: THREAD, roomId: ROOM, title: 'T', pinned: false, locked: false } as Thread;
    client.setQueryData<Thread[]>(discussionKeys.threads(ROOM), []);
    applyRoomEvent(client, roomEvent(13, 'thread.created', thread));
    applyRoomEvent(client, roomEvent(14, 'thread.updated', { ...thread, pinned: true }));
    applyRoomEvent(client, roomEvent(15, 'thread.updated', { ...thread, pinned: true, resolved: true }));
    expect(client.getQueryData<Thread[]>(discussionKeys.threads(ROOM))).toEqual([
      { ...thread, pinned: true, resolved: true },
    ]);
  });
});
