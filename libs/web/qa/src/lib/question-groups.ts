import { compareQuestions, type Question } from '@helix/contract';

export interface QuestionGroups {
  /** Published and not yet answered, most upvoted first: what the room votes on. */
  open: Question[];
  /** Waiting for review, oldest first: all of them for moderators, one's own for others. */
  pending: Question[];
  /** Done, most recently answered first. */
  answered: Question[];
  /** Not published: all of them for moderators, one's own for others. */
  dismissed: Question[];
}

const byAnsweredAt = (a: Question, b: Question): number =>
  (b.answeredAt ?? '').localeCompare(a.answeredAt ?? '') || compareQuestions(a, b);
const byCreatedAt = (a: Question, b: Question): number => a.createdAt.localeCompare(b.createdAt);

/** Splits a room's questions into the sections the panel shows, each in its own order. */
export function groupQuestions(questions: readonly Question[]): QuestionGroups {
  const of = (status: Question['status']) => questions.filter((question) => question.status === status);
  return {
    open: of('approved').sort(compareQuestions),
    pending: of('pending').sort(byCreatedAt),
    answered: of('answered').sort(byAnsweredAt),
    dismissed: of('dismissed').sort(byCreatedAt),
  };
}

export const PRESENT_QUESTIONS_MAX = 5;

/** What the projector shows: the most upvoted published questions not answered yet. */
export function topQuestions(questions: readonly Question[], max = PRESENT_QUESTIONS_MAX): Question[] {
  return groupQuestions(questions).open.slice(0, max);
}
