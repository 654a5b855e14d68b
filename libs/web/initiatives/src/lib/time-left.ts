const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = 'day' | 'hour' | 'minute' | 'second';

/** Milliseconds until `closesAt`, or null once it has passed (or there is none). */
export function msUntil(closesAt: string | null, now: number): number | null {
  if (!closesAt) return null;
  const left = Date.parse(closesAt) - now;
  return Number.isFinite(left) && left > 0 ? left : null;
}

/**
 * The two largest units that matter, rounded down: "2 days 3 hr", "1 hr 5 min", "4 min 9 sec".
 * Zero parts are left out, but something is always shown.
 */
export function timeLeftParts(ms: number): Array<{ unit: Unit; value: number }> {
  const total = Math.max(0, Math.floor(ms / SECOND) * SECOND);
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  const seconds = Math.floor((total % MINUTE) / SECOND);
  const pair: Array<{ unit: Unit; value: number }> =
    days > 0
      ? [
          { unit: 'day', value: days },
          { unit: 'hour', value: hours },
        ]
      : hours > 0
        ? [
            { unit: 'hour', value: hours },
            { unit: 'minute', value: minutes },
          ]
        : [
            { unit: 'minute', value: minutes },
            { unit: 'second', value: seconds },
          ];
  const shown = pair.filter((part) => part.value > 0);
  return shown.length ? shown : [{ unit: 'second', value: 0 }];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function unitFormat(language: string, unit: Unit): Intl.NumberFormat {
  const key = `${language}|${unit}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short' });
    numberFormats.set(key, format);
  }
  return format;
}

/** The time left, localized with Intl: "1 hr, 5 min" / "1 ч 5 мин". */
export function formatTimeLeft(ms: number, language: string): string {
  const parts = timeLeftParts(ms).map(({ unit, value }) => unitFormat(language, unit).format(value));
  return new Intl.ListFormat(language, { type: 'unit', style: 'narrow' }).format(parts);
}

/** How often a countdown must re-render to stay right: every second in the last hour, else every 30 s. */
export function tickInterval(ms: number | null): number | null {
  if (ms === null) return null;
  return ms <= HOUR ? SECOND : 30 * SECOND;
}
