import type { Question, QuestionStatus } from '@helix/contract';
import type { QuestionRecord } from './schemas/question.schema';

/** Statuses the whole room sees; pending and dismissed questions only their asker and the moderators. */
export const PUBLIC_STATUSES: readonly QuestionStatus[] = ['approved', 'answered'];

/** Who reads a question: a signed-in person, or `null` for the room's events, which everyone receives. */
export interface QuestionViewer {
  id: string;
  moderator: boolean;
}

export const isPublic = (status: QuestionStatus): boolean => PUBLIC_STATUSES.includes(status);

export const canSee = (record: QuestionRecord, viewer: QuestionViewer): boolean =>
  viewer.moderator || isPublic(record.status) || record.authorId === viewer.id;

export function toQuestion(
  record: QuestionRecord,
  upvotes: number,
  viewer: QuestionViewer | null,
  upvotedByMe = false,
): Question {
  const mine = viewer !== null && record.authorId === viewer.id;
  const showAuthor = !record.anonymous || mine || (viewer?.moderator ?? false);
  return {
    id: record._id.toHexString(),
    roomId: record.roomId,
    text: record.text,
    anonymous: record.anonymous,
    author: showAuthor ? record.author : null,
    status: record.status,
    upvotes,
    upvotedByMe: viewer !== null && upvotedByMe,
    mine,
    createdAt: record.createdAt.toISOString(),
    answeredAt: record.answeredAt?.toISOString() ?? null,
  };
}
