/*
 * A forum's times are shown and typed in the forum's time zone, whatever the reader's device says: a
 * speaker in Tomsk and an organizer in Moscow both mean 10:00 Tomsk. `<input type="datetime-local">`
 * knows no zone, so these convert between its `YYYY-MM-DDTHH:mm` and UTC through Intl.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function zoneParts(instant: number, timeZone: string): Record<string, number> {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts;
}

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const p = zoneParts(instant, timeZone);
  const wall = Date.UTC(p['year'], p['month'] - 1, p['day'], p['hour'], p['minute'], p['second']);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** An ISO instant as the zone's wall clock, for a datetime-local input. */
export function toZonedInput(iso: string, timeZone: string): string {
  const p = zoneParts(new Date(iso).getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${p['year']}-${pad(p['month'])}-${pad(p['day'])}T${pad(p['hour'])}:${pad(p['minute'])}`;
}

/** A datetime-local value read as the zone's wall clock, as an ISO instant; null if it is not one. */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess, then again at the corrected instant: right on both sides of a DST change.
  const first = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(first, timeZone)).toISOString();
}

/** A time of day or a date and time as the forum's clock shows it, in the reader's language. */
export function formatInZone(
  iso: string,
  timeZone: string,
  language: string,
  style: 'time' | 'dateTime' | 'date' = 'dateTime',
): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'time'
      ? { timeZone, hour: '2-digit', minute: '2-digit' }
      : style === 'date'
        ? { timeZone, dateStyle: 'long' }
        : { timeZone, dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(language, options).format(new Date(iso));
}
