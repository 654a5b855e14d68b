/** Messages from one author closer together than this read as one burst: one name, one header. */
export const GROUP_GAP_MS = 5 * 60_000;

export interface Entry {
  author: { id: string };
  createdAt: string;
}

export interface Placed<T extends Entry> {
  entry: T;
  /** The local calendar day (yyyy-mm-dd) when it starts a new one: a day separator goes above it. */
  day: string | null;
  /** Same author as the message above, the same day and within GROUP_GAP_MS: shown without its header. */
  continued: boolean;
}

/** The local calendar day of an instant, as yyyy-mm-dd, for comparing and as a key. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Lays out a thread oldest first: where a day starts, and which messages continue their author's burst. */
export function placeMessages<T extends Entry>(entries: readonly T[]): Placed<T>[] {
  let previous: T | undefined;
  return entries.map((entry) => {
    const day = localDay(entry.createdAt);
    const newDay = !previous || localDay(previous.createdAt) !== day;
    const continued =
      !!previous &&
      !newDay &&
      previous.author.id === entry.author.id &&
      Date.parse(entry.createdAt) - Date.parse(previous.createdAt) < GROUP_GAP_MS;
    previous = entry;
    return { entry, day: newDay ? day : null, continued };
  });
}

/** A day separator's words: "Today", "Yesterday", else the date (with the year when not this one). */
export function dayLabel(
  day: string,
  language: string,
  words: { today: string; yesterday: string },
  now = new Date(),
): string {
  const [year, month, date] = day.split('-').map(Number);
  const midnight = new Date(year, month - 1, date);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const daysAgo = Math.round((today.getTime() - midnight.getTime()) / 86_400_000);
  if (daysAgo === 0) return words.today;
  if (daysAgo === 1) return words.yesterday;
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    ...(year === now.getFullYear() ? {} : { year: 'numeric' }),
  }).format(midnight);
}
