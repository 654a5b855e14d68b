import { StreamableFile } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';

/** A byte-order mark, so spreadsheet programs read the UTF-8 (Cyrillic) text correctly. */
const BOM = '\uFEFF';

/** How a spreadsheet recognises a formula (or a DDE command) at the start of a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that a spreadsheet would run as a formula gets a leading single quote (OWASP, "CSV Injection"): a
 * participant's title `=HYPERLINK(…)` must reach the organiser's spreadsheet as text, not as a link or a
 * command.
 */
const neutraliseFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * A CSV download: UTF-8 with BOM, text cells neutralised against formulas, and fields quoted when they hold
 * a quote, comma, semicolon, tab or line break (spreadsheets in Russian locales split on semicolons, some
 * importers on tabs), so none of them can start a new cell.
 */
export function csvText(rows: unknown[][]): string {
  return (
    BOM +
    stringify(rows, { quoted_match: /[",\n\r;\t]/, cast: { string: (value) => neutraliseFormula(value) } })
  );
}

const CYRILLIC: Record<string, string> = Object.fromEntries([
  ...'абвгдезийклмнопрстуфыэ'.split('').map((letter, index) => [letter, 'abvgdezijklmnoprstufye'[index]]),
  ['ё', 'e'],
  ['ж', 'zh'],
  ['х', 'kh'],
  ['ц', 'ts'],
  ['ч', 'ch'],
  ['ш', 'sh'],
  ['щ', 'shch'],
  ['ъ', ''],
  ['ь', ''],
  ['ю', 'yu'],
  ['я', 'ya'],
]);
const FILE_NAME_WORDS_MAX = 60;

/** A title as ASCII words joined by hyphens, Cyrillic transliterated: a file name any system keeps. */
function slug(title: string): string {
  const ascii = [...title.toLowerCase()].map((char) => CYRILLIC[char] ?? char).join('');
  const words = ascii
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, FILE_NAME_WORDS_MAX).replace(/-+$/, '');
}

/** What a download is about and when: its file name is made from these, since people file reports by them. */
export interface CsvName {
  title: string;
  date: Date;
  /** The name's start when the title has no letters or digits to make one from. */
  fallback: string;
}

/** "which-first-2026-05-14.csv": ASCII, for every browser and file system. */
export function csvFileName({ title, date, fallback }: CsvName): string {
  return `${slug(title) || fallback}-${date.toISOString().slice(0, 10)}.csv`;
}

/** "Что сначала? 2026-05-14.csv": the title in its own script, for browsers that read RFC 5987. */
function unicodeFileName({ title, date }: CsvName): string {
  const safe = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${safe.slice(0, FILE_NAME_WORDS_MAX)} ${date.toISOString().slice(0, 10)}.csv`.trim();
}

/** Percent-encoding as RFC 5987 wants it: encodeURIComponent leaves ' ( ) * as they are. */
const rfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/** {@link csvText} as a download, named after its title and date. */
export function csvFile(rows: unknown[][], name: CsvName): StreamableFile {
  return new StreamableFile(Buffer.from(csvText(rows), 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition:
      `attachment; filename="${csvFileName(name)}"; ` + `filename*=UTF-8''${rfc5987(unicodeFileName(name))}`,
  });
}
