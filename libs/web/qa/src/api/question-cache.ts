import type { Question, RoomEvent, RoomSettings } from '@helix/contract';
import type { QueryClient } from '@tanstack/react-query';
import { qaKeys } from './query-keys';

/**
 * Where a question came from: an `answer` to this caller (REST) carries their own flags and, for the
 * asker and moderators, the author; an `event` is the public view, the same for everyone.
 */
export type QuestionSource = 'answer' | 'event';

/** Who is looking: moderators see every question; others only published ones and their own. */
export interface QaViewer {
  moderator: boolean;
}

export function mergeQuestion(
  current: Question | undefined,
  incoming: Question,
  source: QuestionSource,
): Question {
  if (source === 'answer' || !current) return incoming;
  return {
    ...incoming,
    upvotedByMe: current.upvotedByMe,
    mine: current.mine,
    // An anonymous question's event has no author; the asker and moderators had it from REST.
    author: incoming.author ?? current.author,
  };
}

export function isVisibleTo(question: Question, viewer: QaViewer): boolean {
  return (
    viewer.moderator || question.mine || question.status === 'approved' || question.status === 'answered'
  );
}

/** Puts a question into a room's list, or takes it out when the viewer may no longer see it. */
export function upsertQuestionInList(
  questions: Question[] | undefined,
  incoming: Question,
  source: QuestionSource,
  viewer: QaViewer,
): Question[] | undefined {
  if (!questions) return undefined;
  const index = questions.findIndex((question) => question.id === incoming.id);
  const merged = mergeQuestion(questions[index], incoming, source);
  if (!isVisibleTo(merged, viewer)) {
    return index >= 0 ? questions.filter((_, position) => position !== index) : questions;
  }
  if (index < 0) return [...questions, merged];
  const next = [...questions];
  next[index] = merged;
  return next;
}

/** The caller's upvote shown at once: the count moves by one with it. */
export function withMyUpvote(question: Question, upvoted: boolean): Question {
  if (question.upvotedByMe === upvoted) return question;
  return {
    ...question,
    upvotedByMe: upvoted,
    upvotes: Math.max(0, question.upvotes + (upvoted ? 1 : -1)),
  };
}

/** Settings answers and events may cross: the newer state wins. */
export function mergeSettings(current: RoomSettings | undefined, incoming: RoomSettings): RoomSettings {
  return current && current.updatedAt > incoming.updatedAt ? current : incoming;
}

/**
 * How many room events have touched each question. An upvote's answer is older than any event that
 * arrives after the tap, so its count is taken only while no event came in between.
 */
const eventCounts = new Map<string, number>();
export const questionEventCount = (questionId: string): number => eventCounts.get(questionId) ?? 0;

export function upsertQuestion(
  queryClient: QueryClient,
  question: Question,
  source: QuestionSource,
  viewer: QaViewer,
): void {
  queryClient.setQueryData<Question[]>(qaKeys.questions(question.roomId), (questions) =>
    upsertQuestionInList(questions, question, source, viewer),
  );
}

/** Changes one cached question in place (optimistic upvotes and their rollback). */
export function updateCachedQuestion(
  queryClient: QueryClient,
  question: Pick<Question, 'id' | 'roomId'>,
  update: (question: Question) => Question,
): void {
  queryClient.setQueryData<Question[]>(qaKeys.questions(question.roomId), (questions) =>
    questions?.map((item) => (item.id === question.id ? update(item) : item)),
  );
}

export function setRoomSettings(queryClient: QueryClient, settings: RoomSettings): void {
  queryClient.setQueryData<RoomSettings>(qaKeys.settings(settings.roomId), (current) =>
    mergeSettings(current, settings),
  );
}

/** Applies one room event (already in seq order) to the Q&A cache. */
export function applyQaEvent(queryClient: QueryClient, event: RoomEvent, viewer: QaViewer): void {
  switch (event.type) {
    case 'question.updated': {
      const question = (event as RoomEvent<'question.updated'>).payload;
      eventCounts.set(question.id, questionEventCount(question.id) + 1);
      upsertQuestion(queryClient, question, 'event', viewer);
      break;
    }
    case 'question.pending':
      // Others learn nothing about it; moderators fetch the queue with the authors.
      if (viewer.moderator) void queryClient.invalidateQueries({ queryKey: qaKeys.questions(event.roomId) });
      break;
    case 'settings.updated':
      setRoomSettings(queryClient, (event as RoomEvent<'settings.updated'>).payload);
      break;
    default:
      break;
  }
}
