import type { Question } from '@helix/contract';
import { groupQuestions, topQuestions } from './question-groups';

let next = 0;
const question = (overrides: Partial<Question> = {}): Question => {
  next += 1;
  return {
    id: `q${next}`,
    roomId: 'room',
    text: `Question ${next}`,
    anonymous: false,
    author: null,
    status: 'approved',
    upvotes: 0,
    upvotedByMe: false,
    mine: false,
    createdAt: `2026-05-01T10:00:${String(next).padStart(2, '0')}.000Z`,
    answeredAt: null,
    ...overrides,
  };
};

describe('groupQuestions', () => {
  it('orders open questions by upvotes, then the oldest first', () => {
    const older = question({ upvotes: 2 });
    const newer = question({ upvotes: 2 });
    const top = question({ upvotes: 5 });
    const none = question();
    expect(groupQuestions([none, newer, top, older]).open.map((item) => item.id)).toEqual([
      top.id,
      older.id,
      newer.id,
      none.id,
    ]);
  });

  it('puts each status in its own section', () => {
    const pending = question({ status: 'pending' });
    const answered = question({ status: 'answered', answeredAt: '2026-05-01T11:00:00.000Z' });
    const dismissed = question({ status: 'dismissed' });
    const open = question();
    const groups = groupQuestions([pending, answered, dismissed, open]);
    expect(groups.open).toEqual([open]);
    expect(groups.pending).toEqual([pending]);
    expect(groups.answered).toEqual([answered]);
    expect(groups.dismissed).toEqual([dismissed]);
  });

  it('lists the most recently answered first and the review queue oldest first', () => {
    const early = question({ status: 'answered', answeredAt: '2026-05-01T11:00:00.000Z' });
    const late = question({ status: 'answered', answeredAt: '2026-05-01T12:00:00.000Z' });
    const first = question({ status: 'pending', upvotes: 0 });
    const second = question({ status: 'pending', upvotes: 3 });
    const groups = groupQuestions([early, second, late, first]);
    expect(groups.answered.map((item) => item.id)).toEqual([late.id, early.id]);
    expect(groups.pending.map((item) => item.id)).toEqual([first.id, second.id]);
  });

  it('does not reorder the list it was given', () => {
    const list = [question({ upvotes: 1 }), question({ upvotes: 9 })];
    const copy = [...list];
    groupQuestions(list);
    expect(list).toEqual(copy);
  });
});

describe('topQuestions', () => {
  it('shows at most five published, unanswered questions, most upvoted first', () => {
    const open = Array.from({ length: 7 }, (_, index) => question({ upvotes: index }));
    const hidden = [
      question({ status: 'pending', upvotes: 50 }),
      question({ status: 'answered', upvotes: 50, answeredAt: '2026-05-01T11:00:00.000Z' }),
      question({ status: 'dismissed', upvotes: 50 }),
    ];
    const top = topQuestions([...hidden, ...open]);
    expect(top.map((item) => item.upvotes)).toEqual([6, 5, 4, 3, 2]);
  });
});
