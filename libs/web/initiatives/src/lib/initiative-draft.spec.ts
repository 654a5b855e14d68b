import type { Initiative } from '@helix/contract';
import {
  draftFromSearch,
  localDateTimeValue,
  newPartner,
  openVotingForm,
  parseRuleForm,
  ruleBounds,
  ruleChanges,
  ruleForm,
  titleFromText,
  toOpenVotingRequest,
  toRequest,
  validateDraft,
} from './initiative-draft';

const ROOM = 'a'.repeat(24);
const THREAD = 'b'.repeat(24);
const MESSAGE = 'c'.repeat(24);

describe('draftFromSearch', () => {
  it('takes the room, the source message and the text from a discussion message', () => {
    const text = `Let us open a joint lab for city data. ${'x'.repeat(300)}`;
    const draft = draftFromSearch(
      new URLSearchParams({ roomId: ROOM, threadId: THREAD, messageId: MESSAGE, text }),
    );
    expect(draft.roomId).toBe(ROOM);
    expect(draft.source).toEqual({ roomId: ROOM, threadId: THREAD, messageId: MESSAGE });
    expect(draft.title).toBe('Let us open a joint lab for city data.');
    expect(draft.summary).toHaveLength(200);
    expect(draft.partners).toHaveLength(1);
  });

  it('takes a title and a summary as given when seeded from a poll or a statement', () => {
    const draft = draftFromSearch(
      new URLSearchParams({
        roomId: ROOM,
        title: ' Campus first ',
        summary: 'From the poll: https://x/rooms/1',
      }),
    );
    expect(draft).toMatchObject({
      roomId: ROOM,
      title: 'Campus first',
      summary: 'From the poll: https://x/rooms/1',
      source: null,
    });
  });

  it('ignores ids that are not ids, and needs all three for a source', () => {
    expect(draftFromSearch(new URLSearchParams({ roomId: 'nope' }))).toMatchObject({
      roomId: '',
      source: null,
    });
    expect(draftFromSearch(new URLSearchParams({ roomId: ROOM, threadId: THREAD }))).toMatchObject({
      roomId: ROOM,
      source: null,
      title: '',
      summary: '',
    });
  });
});

describe('titleFromText', () => {
  it('uses the first line or sentence, shortened at a word', () => {
    expect(titleFromText('Shared labs\nmore details')).toBe('Shared labs');
    expect(titleFromText('One. Two.')).toBe('One.');
    const long = titleFromText('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('word…')).toBe(true);
  });
});

describe('validateDraft and toRequest', () => {
  it('needs a title and a summary, and complete partner rows; empty rows are ignored', () => {
    const half = newPartner({ organization: 'Gazprom Neft' });
    const empty = newPartner();
    const errors = validateDraft({
      title: ' ',
      summary: '',
      roomId: '',
      partners: [half, empty],
      source: null,
    });
    expect(errors).toEqual({
      title: 'required',
      summary: 'required',
      partners: { [half.key]: 'groupRequired' },
    });
  });

  it('builds the request body with trimmed partners and the source', () => {
    const draft = {
      title: ' Lab ',
      summary: ' A lab ',
      roomId: ROOM,
      partners: [
        newPartner({ organization: ' Sibur ', stakeholderGroup: 'business' as const }),
        newPartner(),
      ],
      source: { roomId: ROOM, threadId: THREAD, messageId: MESSAGE },
    };
    expect(validateDraft(draft)).toEqual({});
    expect(toRequest(draft)).toEqual({
      title: 'Lab',
      summary: 'A lab',
      roomId: ROOM,
      partners: [{ organization: 'Sibur', stakeholderGroup: 'business' }],
      source: { roomId: ROOM, threadId: THREAD, messageId: MESSAGE },
    });
    expect(toRequest({ ...draft, roomId: '', source: null })).toMatchObject({ roomId: null });
    expect(toRequest({ ...draft, source: null })).not.toHaveProperty('source');
  });
});

describe('toOpenVotingRequest', () => {
  const rule: Initiative['rule'] = { quorum: 6, minGroups: 3, groupThreshold: 2 / 3, maxBlocks: 0 };
  const now = Date.parse('2026-05-20T10:00:00Z');

  it('sends nothing when nothing changed', () => {
    expect(toOpenVotingRequest(openVotingForm(rule), rule, now)).toEqual({ errors: {}, request: {} });
  });

  it('sends only the changed rule fields, and the closing time in UTC', () => {
    const closes = localDateTimeValue(now + 3_600_000);
    const result = toOpenVotingRequest(
      { ...openVotingForm(rule), closesAt: closes, quorum: '8', threshold: '75' },
      rule,
      now,
    );
    expect(result.request).toEqual({
      closesAt: new Date(closes).toISOString(),
      rule: { quorum: 8, groupThreshold: 0.75 },
    });
  });

  it('refuses, field by field, a rule looser than the forum minimum', () => {
    const result = toOpenVotingRequest(
      { closesAt: '', quorum: '5', minGroups: '2', threshold: '66', maxBlocks: '1' },
      rule,
      now,
    );
    expect(result).toEqual({
      request: null,
      errors: {
        quorum: 'belowMinimum',
        minGroups: 'belowMinimum',
        threshold: 'belowMinimum',
        maxBlocks: 'aboveMaximum',
      },
    });
  });

  it('takes the minimum’s threshold as the form shows it (67 % for two thirds) and leaves it to the API', () => {
    const minimum = { ...rule, groupThreshold: 0.674 };
    expect(toOpenVotingRequest({ ...openVotingForm(minimum), quorum: '7' }, minimum, now)).toEqual({
      errors: {},
      request: { rule: { quorum: 7 } },
    });
    expect(ruleBounds(minimum).threshold).toBe(67);
  });

  it('refuses a past closing time and values out of range', () => {
    const result = toOpenVotingRequest(
      {
        closesAt: localDateTimeValue(now - 120_000),
        quorum: '0',
        minGroups: '5',
        threshold: '40',
        maxBlocks: 'x',
      },
      rule,
      now,
    );
    expect(result.request).toBeNull();
    expect(result.errors).toEqual({
      closesAt: 'past',
      quorum: 'range',
      minGroups: 'range',
      threshold: 'range',
      maxBlocks: 'invalid',
    });
  });
});

describe('the forum minimum form', () => {
  const minimum: Initiative['rule'] = { quorum: 6, minGroups: 3, groupThreshold: 2 / 3, maxBlocks: 0 };

  it('reads the four fields and sends only what changed', () => {
    const parsed = parseRuleForm({ ...ruleForm(minimum), quorum: '12', maxBlocks: '1' });
    expect(parsed.errors).toEqual({});
    expect(ruleChanges(parsed.rule as Initiative['rule'], minimum)).toEqual({ quorum: 12, maxBlocks: 1 });
    expect(ruleChanges(parseRuleForm(ruleForm(minimum)).rule as Initiative['rule'], minimum)).toEqual({});
  });

  it('refuses values outside the contract', () => {
    expect(parseRuleForm({ quorum: '0', minGroups: '5', threshold: '101', maxBlocks: '-1' })).toEqual({
      rule: null,
      errors: { quorum: 'range', minGroups: 'range', threshold: 'range', maxBlocks: 'invalid' },
    });
  });
});
