import type { FormatterModule } from 'i18next';
import { formatNumber, formatPercent } from '../format';

type Format = (value: unknown, language: string, options: Record<string, unknown>) => string;

/**
 * i18next's formatter, replaced so that every number put into a translation is written the UI
 * language's way without `{{count, number}}` in each string: "1 250 голосов", "1,250 votes".
 * `{{share, percent}}` takes a share from 0 to 1; more formats can be added with `add`.
 */
export function createNumberFormatter(): FormatterModule {
  const formats = new Map<string, Format>([
    [
      'number',
      (value, language) => (typeof value === 'number' ? formatNumber(value, language) : String(value)),
    ],
    [
      'percent',
      (value, language) => (typeof value === 'number' ? formatPercent(value, language) : String(value)),
    ],
  ]);
  return {
    type: 'formatter',
    init: () => undefined,
    add: (name, format) => formats.set(name, (value, language, options) => format(value, language, options)),
    addCached: (name, create) =>
      formats.set(name, (value, language, options) => create(language, options)(value)),
    format: (value, format, language, options) => {
      const lng = language ?? 'en';
      if (!format) return typeof value === 'number' ? formatNumber(value, lng) : value;
      const named = formats.get(format.trim());
      return named ? named(value, lng, { ...options }) : value;
    },
  };
}
