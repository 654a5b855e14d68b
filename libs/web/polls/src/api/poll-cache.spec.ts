import type { Poll, RoomEvent } from '@helix/contract';
import { QueryClient } from '@tanstack/react-query';
import { applyPollEvent, mergePoll, setMyVote, upsertPoll, upsertPollInList } from './poll-cache';
import { getPoll } from './get-poll';
import { pollKeys } from './query-keys';

jest.mock('./get-poll', () => ({ getPoll: jest.fn() }));

const ROOM = 'e'.repeat(24);
const A = 'a'.repeat(24);
const B = 'b'.repeat(24);

function poll(id: string, overrides: Partial<Poll> = {}): Poll {
  return {
    id,
    roomId: ROOM,
    question: `Question ${id.slice(0, 1)}`,
    status: 'open',
    multiple: false,
    anonymous: false,
    resultsVisibility: 'always',
    resultsHidden: false,
    options: [
      { id: A, label: 'Yes', votes: 0 },
      { id: B, label: 'No', votes: 0 },
    ],
    voters: 0,
    byGroup: {},
    myVote: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    openedAt: '2026-01-01T10:00:00.000Z',
    closesAt: null,
    closedAt: null,
    resultThreadId: null,
    ...overrides,
  };
}

function event(type: 'poll.created' | 'poll.updated', payload: Poll, seq = 1): RoomEvent {
  return { roomId: ROOM, seq, type, payload, at: '2026-01-01T10:00:01.000Z' } as RoomEvent;
}

describe('mergePoll', () => {
  it('keeps my vote when a room event (myVote null) brings new counts', () => {
    const mine = poll('1'.repeat(24), { myVote: [A], voters: 1 });
    const fromEvent = poll('1'.repeat(24), { voters: 2, myVote: null });
    expect(mergePoll(mine, fromEvent, 'event')).toMatchObject({ voters: 2, myVote: [A] });
  });

  it('takes my vote from an answer to me', () => {
    const mine = poll('1'.repeat(24), { myVote: [A] });
    expect(mergePoll(mine, poll('1'.repeat(24), { myVote: [B] }), 'answer').myVote).toEqual([B]);
  });
});

describe('upsertPollInList', () => {
  it('adds a new poll newest first and replaces a known one in place', () => {
    const older = poll('1'.repeat(24), { createdAt: '2026-01-01T09:00:00.000Z' });
    const newer = poll('2'.repeat(24), { createdAt: '2026-01-01T11:00:00.000Z' });
    expect(upsertPollInList([older], newer, 'event')?.map((item) => item.id)).toEqual([newer.id, older.id]);
    const closed = { ...older, status: 'closed' as const };
    expect(upsertPollInList([newer, older], closed, 'event')?.[1].status).toBe('closed');
  });

  it('leaves a list that is not loaded alone', () => {
    expect(upsertPollInList(undefined, poll('1'.repeat(24)), 'event')).toBeUndefined();
  });
});

describe('applyPollEvent', () => {
  it('updates the room list and the poll entry, keeping my vote, and ignores other events', () => {
    const queryClient = new QueryClient();
    const id = '1'.repeat(24);
    queryClient.setQueryData(pollKeys.list(ROOM), [poll(id, { myVote: [B] })]);
    queryClient.setQueryData(pollKeys.detail(id), poll(id, { myVote: [B] }));

    applyPollEvent(
      queryClient,
      event(
        'poll.updated',
        poll(id, {
          voters: 3,
          options: [
            { id: A, label: 'Yes', votes: 2 },
            { id: B, label: 'No', votes: 1 },
          ],
        }),
      ),
    );
    applyPollEvent(queryClient, {
      roomId: ROOM,
      seq: 2,
      type: 'thread.created',
      payload: {},
      at: '2026-01-01T10:00:02.000Z',
    } as unknown as RoomEvent);

    const list = queryClient.getQueryData<Poll[]>(pollKeys.list(ROOM));
    expect(list).toHaveLength(1);
    expect(list?.[0]).toMatchObject({ voters: 3, myVote: [B] });
    expect(queryClient.getQueryData<Poll>(pollKeys.detail(id))).toMatchObject({ voters: 3, myVote: [B] });
  });

  it('adds a poll that just opened to the room list but creates no entry of its own from an event', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(pollKeys.list(ROOM), []);
    const id = '2'.repeat(24);
    applyPollEvent(queryClient, event('poll.created', poll(id)));
    expect(queryClient.getQueryData<Poll[]>(pollKeys.list(ROOM))?.map((item) => item.id)).toEqual([id]);
    expect(queryClient.getQueryData(pollKeys.detail(id))).toBeUndefined();
  });
});

describe('setMyVote', () => {
  it('changes only my vote, never the counts', () => {
    const queryClient = new QueryClient();
    const id = '1'.repeat(24);
    queryClient.setQueryData(pollKeys.list(ROOM), [poll(id, { voters: 5 })]);
    upsertPoll(queryClient, poll(id, { voters: 5 }), 'answer');
    setMyVote(queryClient, { id, roomId: ROOM }, [A]);
    expect(queryClient.getQueryData<Poll[]>(pollKeys.list(ROOM))?.[0]).toMatchObject({
      voters: 5,
      myVote: [A],
    });
    expect(queryClient.getQueryData<Poll>(pollKeys.detail(id))?.myVote).toEqual([A]);
  });
});

describe('applyPollEvent with a draft notice', () => {
  it('refreshes the room list for those who see drafts, and nobody else', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(pollKeys.list('room'), []);
    const notice = {
      roomId: 'room',
      seq: 3,
      type: 'poll.draft',
      payload: { id: 'p', roomId: 'room' },
      at: '',
    } as const;
    applyPollEvent(queryClient, notice as RoomEvent);
    expect(queryClient.getQueryState(pollKeys.list('room'))?.isInvalidated).toBe(false);
    applyPollEvent(queryClient, notice as RoomEvent, true);
    expect(queryClient.getQueryState(pollKeys.list('room'))?.isInvalidated).toBe(true);
  });
});

describe('applyPollEvent with hidden results', () => {
  const id = '3'.repeat(24);
  const counted = poll(id, {
    resultsVisibility: 'after_vote',
    voters: 2,
    myVote: [A],
    options: [
      { id: A, label: 'Yes', votes: 1 },
      { id: B, label: 'No', votes: 1 },
    ],
  });
  const hiddenEvent = poll(id, { resultsVisibility: 'after_vote', resultsHidden: true });

  it('keeps the counts a voter already sees and fetches their own view instead of blanking it', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(pollKeys.list(ROOM), [counted]);
    const fresh = { ...counted, voters: 3 };
    jest.mocked(getPoll).mockResolvedValueOnce(fresh);
    applyPollEvent(queryClient, event('poll.updated', hiddenEvent));
    expect(queryClient.getQueryData<Poll[]>(pollKeys.list(ROOM))?.[0].voters).toBe(2);
    await new Promise((done) => setTimeout(done, 0));
    expect(getPoll).toHaveBeenCalledWith(id);
    expect(queryClient.getQueryData<Poll[]>(pollKeys.list(ROOM))?.[0]).toMatchObject({
      voters: 3,
      resultsHidden: false,
    });
  });

  it('applies the hidden view as is for someone who sees no counts yet', () => {
    jest.mocked(getPoll).mockClear();
    const queryClient = new QueryClient();
    queryClient.setQueryData(pollKeys.list(ROOM), [hiddenEvent]);
    applyPollEvent(queryClient, event('poll.updated', { ...hiddenEvent, question: 'Changed?' }));
    expect(queryClient.getQueryData<Poll[]>(pollKeys.list(ROOM))?.[0].question).toBe('Changed?');
    expect(getPoll).not.toHaveBeenCalled();
  });
});
