import { formatInZone, fromZonedInput, toZonedInput } from './zoned-time';

describe('times in the forum’s time zone', () => {
  it('reads 10:00 in Tomsk (UTC+7) as 03:00 UTC, whatever the machine’s zone', () => {
    expect(fromZonedInput('2026-05-20T10:00', 'Asia/Tomsk')).toBe('2026-05-20T03:00:00.000Z');
    expect(toZonedInput('2026-05-20T03:00:00.000Z', 'Asia/Tomsk')).toBe('2026-05-20T10:00');
  });

  it('keeps the wall clock on both sides of a summer-time change', () => {
    expect(fromZonedInput('2026-03-28T10:00', 'Europe/Berlin')).toBe('2026-03-28T09:00:00.000Z');
    expect(fromZonedInput('2026-03-30T10:00', 'Europe/Berlin')).toBe('2026-03-30T08:00:00.000Z');
    expect(toZonedInput('2026-03-30T08:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-30T10:00');
  });

  it('refuses what is not a date and time', () => {
    expect(fromZonedInput('', 'Asia/Tomsk')).toBeNull();
    expect(fromZonedInput('2026-05-20', 'Asia/Tomsk')).toBeNull();
  });

  it('shows the time of day the forum’s clock shows', () => {
    expect(formatInZone('2026-05-20T03:00:00.000Z', 'Asia/Tomsk', 'en-GB', 'time')).toBe('10:00');
  });
});
