import type { Question, RoomEvent, RoomSettings } from '@helix/contract';
import { QueryClient } from '@tanstack/react-query';
import {
  applyQaEvent,
  mergeQuestion,
  mergeSettings,
  questionEventCount,
  upsertQuestionInList,
  withMyUpvote,
} from './question-cache';
import { qaKeys } from './query-keys';

const author = {
  id: 'u1',
  displayName: 'Anna',
  organization: 'TSU',
  stakeholderGroup: 'university' as const,
};

const question = (overrides: Partial<Question> = {}): Question => ({
  id: 'q1',
  roomId: 'room',
  text: 'Why?',
  anonymous: true,
  author,
  status: 'approved',
  upvotes: 1,
  upvotedByMe: true,
  mine: true,
  createdAt: '2026-05-01T10:00:00.000Z',
  answeredAt: null,
  ...overrides,
});

/** The public view a room event carries. */
const publicView = (overrides: Partial<Question> = {}): Question =>
  question({ author: null, upvotedByMe: false, mine: false, ...overrides });

const participant = { moderator: false };
const moderator = { moderator: true };

const event = <T extends RoomEvent['type']>(type: T, payload: RoomEvent<T>['payload'], seq = 1): RoomEvent =>
  ({ roomId: 'room', seq, type, payload, at: '2026-05-01T10:00:00.000Z' }) as RoomEvent;

describe('mergeQuestion', () => {
  it('keeps the caller’s own flags and the author they were told, taking the rest from an event', () => {
    const merged = mergeQuestion(question(), publicView({ upvotes: 4, status: 'answered' }), 'event');
    expect(merged).toMatchObject({ upvotes: 4, status: 'answered', upvotedByMe: true, mine: true, author });
  });

  it('takes an answer as it is', () => {
    const answer = question({ upvotedByMe: false, upvotes: 0 });
    expect(mergeQuestion(question(), answer, 'answer')).toBe(answer);
  });

  it('takes a new question from an event as the public sees it', () => {
    const incoming = publicView();
    expect(mergeQuestion(undefined, incoming, 'event')).toBe(incoming);
  });
});

describe('upsertQuestionInList', () => {
  it('adds a newly published question and updates a known one', () => {
    const list = upsertQuestionInList([], publicView({ id: 'q2' }), 'event', participant);
    expect(list?.map((item) => item.id)).toEqual(['q2']);
    const updated = upsertQuestionInList(list, publicView({ id: 'q2', upvotes: 3 }), 'event', participant);
    expect(updated?.[0].upvotes).toBe(3);
  });

  it('takes a dismissed question out of other participants’ lists', () => {
    const list = [publicView({ id: 'q2' })];
    expect(
      upsertQuestionInList(list, publicView({ id: 'q2', status: 'dismissed' }), 'event', participant),
    ).toEqual([]);
  });

  it('keeps a dismissed question for its author and for moderators', () => {
    const mine = upsertQuestionInList(
      [question()],
      publicView({ status: 'dismissed' }),
      'event',
      participant,
    );
    expect(mine?.[0]).toMatchObject({ status: 'dismissed', mine: true });
    const theirs = upsertQuestionInList(
      [publicView()],
      publicView({ status: 'dismissed' }),
      'event',
      moderator,
    );
    expect(theirs?.[0].status).toBe('dismissed');
  });

  it('leaves a list that is not loaded alone', () => {
    expect(upsertQuestionInList(undefined, publicView(), 'event', participant)).toBeUndefined();
  });
});

describe('withMyUpvote', () => {
  it('moves the count with the caller’s upvote, once', () => {
    const off = question({ upvotedByMe: false, upvotes: 2 });
    const on = withMyUpvote(off, true);
    expect(on).toMatchObject({ upvotedByMe: true, upvotes: 3 });
    expect(withMyUpvote(on, true)).toBe(on);
    expect(withMyUpvote(on, false)).toMatchObject({ upvotedByMe: false, upvotes: 2 });
    expect(withMyUpvote(question({ upvotedByMe: true, upvotes: 0 }), false).upvotes).toBe(0);
  });
});

describe('mergeSettings', () => {
  const settings = (updatedAt: string, qaReview: boolean): RoomSettings => ({
    roomId: 'room',
    qaReview,
    qaOpen: true,
    projector: { kind: 'nothing', targetId: null },
    updatedAt,
  });

  it('keeps the newer of two states', () => {
    const older = settings('2026-05-01T10:00:00.000Z', false);
    const newer = settings('2026-05-01T10:00:01.000Z', true);
    expect(mergeSettings(newer, older)).toBe(newer);
    expect(mergeSettings(older, newer)).toBe(newer);
    expect(mergeSettings(undefined, older)).toBe(older);
  });
});

describe('applyQaEvent', () => {
  it('applies question updates and counts them', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(qaKeys.questions('room'), [question()]);
    const before = questionEventCount('q1');
    applyQaEvent(queryClient, event('question.updated', publicView({ upvotes: 7 })), participant);
    expect(queryClient.getQueryData<Question[]>(qaKeys.questions('room'))?.[0]).toMatchObject({
      upvotes: 7,
      upvotedByMe: true,
    });
    expect(questionEventCount('q1')).toBe(before + 1);
  });

  it('has moderators, and only them, fetch the list again when a question waits for review', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(qaKeys.questions('room'), []);
    const pending = event('question.pending', { id: 'q9', roomId: 'room' });
    applyQaEvent(queryClient, pending, participant);
    expect(queryClient.getQueryState(qaKeys.questions('room'))?.isInvalidated).toBe(false);
    applyQaEvent(queryClient, pending, moderator);
    expect(queryClient.getQueryState(qaKeys.questions('room'))?.isInvalidated).toBe(true);
  });

  it('follows the room settings', () => {
    const queryClient = new QueryClient();
    const settings: RoomSettings = {
      roomId: 'room',
      qaReview: true,
      qaOpen: true,
      projector: { kind: 'qa', targetId: null },
      updatedAt: '2026-05-01T10:00:00.000Z',
    };
    applyQaEvent(queryClient, event('settings.updated', settings), participant);
    expect(queryClient.getQueryData(qaKeys.settings('room'))).toEqual(settings);
  });
});
