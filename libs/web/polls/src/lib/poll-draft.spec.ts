import { emptyPollDraft, validatePollDraft } from './poll-draft';

describe('validatePollDraft', () => {
  it('trims text, drops blank rows and gives the request the API takes', () => {
    expect(
      validatePollDraft({
        question: '  Which first? ',
        options: [' Labs ', '', 'Grants'],
        multiple: true,
        anonymous: false,
        resultsVisibility: 'after_vote',
      }),
    ).toEqual({
      ok: true,
      request: {
        question: 'Which first?',
        options: ['Labs', 'Grants'],
        multiple: true,
        anonymous: false,
        resultsVisibility: 'after_vote',
      },
    });
  });

  it('asks for a question and for the first blank option when fewer than two are filled', () => {
    const result = validatePollDraft({ ...emptyPollDraft(), options: ['Labs', ' '] });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'question', reason: 'required' },
        { field: 'option', index: 1, reason: 'required' },
      ],
    });
  });

  it('refuses options that differ only in case, as the API does', () => {
    const result = validatePollDraft({ ...emptyPollDraft(), question: 'Q', options: ['Labs', 'labs '] });
    expect(result).toEqual({ ok: false, problems: [{ field: 'options', reason: 'duplicate' }] });
  });

  it('refuses more than ten options and over-long text', () => {
    const many = Array.from({ length: 11 }, (_, index) => `Option ${index}`);
    expect(validatePollDraft({ ...emptyPollDraft(), question: 'Q', options: many })).toEqual({
      ok: false,
      problems: [{ field: 'options', reason: 'tooMany' }],
    });
    expect(
      validatePollDraft({ ...emptyPollDraft(), question: 'x'.repeat(301), options: ['a', 'y'.repeat(201)] }),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'question', reason: 'tooLong' },
        { field: 'option', index: 1, reason: 'tooLong' },
      ],
    });
  });

  it('sends a word cloud without options, a rating from one option with its scale', () => {
    expect(
      validatePollDraft({
        ...emptyPollDraft(),
        question: 'One word?',
        kind: 'word_cloud',
        options: ['left over'],
      }),
    ).toEqual({
      ok: true,
      request: {
        question: 'One word?',
        options: [],
        anonymous: false,
        resultsVisibility: 'always',
        kind: 'word_cloud',
      },
    });
    expect(
      validatePollDraft({
        ...emptyPollDraft(),
        question: 'How ready?',
        kind: 'rating',
        scale: 10,
        options: ['Roads', ''],
      }),
    ).toEqual({
      ok: true,
      request: {
        question: 'How ready?',
        options: ['Roads'],
        anonymous: false,
        resultsVisibility: 'always',
        kind: 'rating',
        scale: 10,
      },
    });
    expect(
      validatePollDraft({ ...emptyPollDraft(), question: 'Order?', kind: 'ranking', options: ['One', ''] }),
    ).toEqual({
      ok: false,
      problems: [{ field: 'option', index: 1, reason: 'required' }],
    });
  });
});
