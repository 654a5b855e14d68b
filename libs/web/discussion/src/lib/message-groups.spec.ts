import { dayLabel, GROUP_GAP_MS, localDay, placeMessages } from './message-groups';

const at = (iso: string, author = 'a') => ({
  author: { id: author },
  createdAt: new Date(iso).toISOString(),
});

describe('placeMessages', () => {
  it('puts one day separator above the first message of each local day', () => {
    const placed = placeMessages([
      at('2026-06-10T10:00:00'),
      at('2026-06-10T18:00:00', 'b'),
      at('2026-06-11T09:00:00'),
    ]);
    expect(placed.map((item) => item.day)).toEqual(['2026-06-10', null, '2026-06-11']);
  });

  it('groups an author’s messages within the gap, and starts again after it, on a new author or day', () => {
    const start = Date.parse('2026-06-10T10:00:00');
    const t = (ms: number, author = 'a') => ({
      author: { id: author },
      createdAt: new Date(start + ms).toISOString(),
    });
    const placed = placeMessages([
      t(0),
      t(60_000),
      t(60_000 + GROUP_GAP_MS),
      t(60_000 + GROUP_GAP_MS + 1_000, 'b'),
      t(60_000 + GROUP_GAP_MS + 2_000),
    ]);
    expect(placed.map((item) => item.continued)).toEqual([false, true, false, false, false]);
  });

  it('never continues a burst across midnight', () => {
    const placed = placeMessages([at('2026-06-10T23:59:00'), at('2026-06-11T00:01:00')]);
    expect(placed.map((item) => [item.day !== null, item.continued])).toEqual([
      [true, false],
      [true, false],
    ]);
  });

  it('names the local day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30).toISOString())).toBe('2026-01-05');
  });
});

describe('dayLabel', () => {
  const words = { today: 'Today', yesterday: 'Yesterday' };
  const now = new Date(2026, 5, 11, 9, 0);
  it('says today and yesterday, else the date, with the year only when it is not this one', () => {
    expect(dayLabel('2026-06-11', 'en', words, now)).toBe('Today');
    expect(dayLabel('2026-06-10', 'en', words, now)).toBe('Yesterday');
    expect(dayLabel('2026-06-02', 'en', words, now)).toBe('June 2');
    expect(dayLabel('2025-12-31', 'ru', words, now)).toBe('31 декабря 2025 г.');
  });
});
