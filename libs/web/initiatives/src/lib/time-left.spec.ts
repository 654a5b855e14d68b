import { formatTimeLeft, msUntil, tickInterval, timeLeftParts } from './time-left';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('msUntil', () => {
  const now = Date.parse('2026-05-20T10:00:00.000Z');
  it('counts down to a future time', () => {
    expect(msUntil('2026-05-20T10:01:00.000Z', now)).toBe(M);
  });
  it('is null without a closing time, once it has passed, or for a bad date', () => {
    expect(msUntil(null, now)).toBeNull();
    expect(msUntil('2026-05-20T10:00:00.000Z', now)).toBeNull();
    expect(msUntil('2026-05-20T09:00:00.000Z', now)).toBeNull();
    expect(msUntil('not a date', now)).toBeNull();
  });
});

describe('timeLeftParts', () => {
  it.each([
    [
      2 * D + 3 * H + 59 * M,
      [
        ['day', 2],
        ['hour', 3],
      ],
    ],
    [D, [['day', 1]]],
    [
      H + 5 * M + 30 * S,
      [
        ['hour', 1],
        ['minute', 5],
      ],
    ],
    [
      4 * M + 9 * S + 999,
      [
        ['minute', 4],
        ['second', 9],
      ],
    ],
    [59 * S, [['second', 59]]],
    [400, [['second', 0]]],
  ])('%d ms', (ms, expected) => {
    expect(timeLeftParts(ms).map((part) => [part.unit, part.value])).toEqual(expected);
  });
});

describe('formatTimeLeft', () => {
  it('speaks English', () => {
    expect(formatTimeLeft(H + 5 * M, 'en')).toMatch(/^1 hr,? 5 min$/);
    expect(formatTimeLeft(2 * D + 3 * H, 'en')).toMatch(/^2 days,? 3 hr$/);
  });
  it('speaks Russian', () => {
    expect(formatTimeLeft(H + 5 * M, 'ru')).toMatch(/^1 ч,? 5 мин$/);
    expect(formatTimeLeft(42 * S, 'ru')).toMatch(/^42 с(ек\.)?$/);
  });
});

describe('tickInterval', () => {
  it('ticks every second in the last hour, less often before, never once closed', () => {
    expect(tickInterval(10 * M)).toBe(S);
    expect(tickInterval(3 * H)).toBe(30 * S);
    expect(tickInterval(null)).toBeNull();
  });
});
