import { Types } from 'mongoose';
import { canSee, toQuestion } from './question-view';
import type { QuestionRecord } from './schemas/question.schema';

const author = {
  id: 'a'.repeat(24),
  displayName: 'Asker',
  organization: 'Tomsk State University',
  stakeholderGroup: 'university' as const,
};

const record = (changes: Partial<QuestionRecord> = {}): QuestionRecord => ({
  _id: new Types.ObjectId(),
  roomId: 'b'.repeat(24),
  text: 'Who funds the labs?',
  anonymous: true,
  authorId: author.id,
  author,
  clientId: 'c1',
  status: 'approved',
  createdAt: new Date('2025-05-01T10:00:00Z'),
  answeredAt: null,
  upvoters: [],
  version: 1,
  ...changes,
});

const someone = { id: 'd'.repeat(24), moderator: false };
const moderator = { id: 'e'.repeat(24), moderator: true };
const asker = { id: author.id, moderator: false };

describe('toQuestion', () => {
  it('hides the author of an anonymous question from everyone but the asker and moderators', () => {
    expect(toQuestion(record(), 3, someone).author).toBeNull();
    expect(toQuestion(record(), 3, null).author).toBeNull();
    expect(toQuestion(record(), 3, moderator).author).toEqual(author);
    expect(toQuestion(record(), 3, asker)).toMatchObject({ author, mine: true });
    expect(toQuestion(record({ anonymous: false }), 3, someone).author).toEqual(author);
  });

  it('never marks a room event as anyone’s own or upvoted', () => {
    expect(toQuestion(record(), 1, null, true)).toMatchObject({ mine: false, upvotedByMe: false });
    expect(toQuestion(record(), 1, someone, true)).toMatchObject({ mine: false, upvotedByMe: true });
  });
});

describe('canSee', () => {
  it('shows pending and dismissed questions only to their asker and moderators', () => {
    for (const status of ['pending', 'dismissed'] as const) {
      expect(canSee(record({ status }), someone)).toBe(false);
      expect(canSee(record({ status }), asker)).toBe(true);
      expect(canSee(record({ status }), moderator)).toBe(true);
    }
    for (const status of ['approved', 'answered'] as const)
      expect(canSee(record({ status }), someone)).toBe(true);
  });
});
