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

/** {@link csvText} as a download. */
export function csvFile(rows: unknown[][], fileName: string): StreamableFile {
  return new StreamableFile(Buffer.from(csvText(rows), 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${fileName}"`,
  });
}
