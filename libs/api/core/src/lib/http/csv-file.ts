import { StreamableFile } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';

/** A byte-order mark, so spreadsheet programs read the UTF-8 (Cyrillic) text correctly. */
const BOM = '\uFEFF';

/**
 * A CSV download: UTF-8 with BOM, and fields quoted when they hold a quote, comma, semicolon or line
 * break (spreadsheets in Russian locales split on semicolons).
 */
export function csvFile(rows: unknown[][], fileName: string): StreamableFile {
  const text = BOM + stringify(rows, { quoted_match: /[",\n\r;]/ });
  return new StreamableFile(Buffer.from(text, 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${fileName}"`,
  });
}
