import {
  listMessagesQuerySchema,
  messageSendSchema,
  pollWinners,
  registerRequestSchema,
  type Poll,
} from '../index';

describe('contract schemas', () => {
  it('normalises emails and refuses unknown keys', () => {
    const valid = {
      email: 'Ivan@TSU.ru',
      password: '0123456789',
      displayName: ' Ivan ',
      organization: 'TSU',
      stakeholderGroup: 'university',
    };
    expect(registerRequestSchema.parse(valid)).toMatchObject({ email: 'ivan@tsu.ru', displayName: 'Ivan' });
    expect(registerRequestSchema.safeParse({ ...valid, roles: ['admin'] }).success).toBe(false);
    expect(registerRequestSchema.safeParse({ ...valid, password: '123456789' }).success).toBe(false);
  });

  it('bounds message text and history pages', () => {
    const base = { roomId: 'a'.repeat(24), threadId: 'b'.repeat(24), clientId: 'c1' };
    expect(messageSendSchema.safeParse({ ...base, text: 'x'.repeat(4000) }).success).toBe(true);
    expect(messageSendSchema.safeParse({ ...base, text: 'x'.repeat(4001) }).success).toBe(false);
    expect(messageSendSchema.safeParse({ ...base, text: { $ne: '' } }).success).toBe(false);
    expect(listMessagesQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(listMessagesQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
  });

  it('names what came first in a poll, every one of those tied, and nothing without votes', () => {
    const options = (votes: number[]): Poll['options'] =>
      votes.map((count, i) => ({ id: String(i).repeat(24), label: `Option ${i}`, votes: count }));
    const [a, b, c] = options([0, 0, 0]).map((option) => option.id);
    expect(pollWinners({ options: options([1, 3, 2]), formatResult: null })).toEqual([b]);
    expect(pollWinners({ options: options([2, 2, 1]), formatResult: null })).toEqual([a, b]);
    expect(pollWinners({ options: options([0, 0, 0]), formatResult: null })).toEqual([]);
    expect(
      pollWinners({
        options: options([0, 0, 0]),
        formatResult: { kind: 'ranking', points: { [a]: 3, [b]: 5, [c]: 5 }, byGroup: {} },
      }),
    ).toEqual([b, c]);
    const rated = (mean: number | null) => ({ count: mean ? 2 : 0, mean, distribution: [] });
    expect(
      pollWinners({
        options: options([0, 0, 0]),
        formatResult: {
          kind: 'rating',
          scale: 5,
          ratings: { [a]: rated(4.5), [b]: rated(null), [c]: rated(3) },
          byGroup: {},
        },
      }),
    ).toEqual([a]);
    expect(
      pollWinners({
        options: [],
        formatResult: {
          kind: 'word_cloud',
          words: [
            { word: 'green', count: 2 },
            { word: 'safe', count: 2 },
            { word: 'fast', count: 1 },
          ],
          byGroup: {},
          hiddenWords: [],
        },
      }),
    ).toEqual(['green', 'safe']);
  });
});
