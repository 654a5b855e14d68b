import { BadRequestException } from '@nestjs/common';
import { localizeErrorMessage, localizeIssue, type RequestLanguage } from '@helix/api/core';
import {
  rosterPersonSchema,
  type LineError,
  type RosterImportRequest,
  type RosterPerson,
  type StakeholderGroup,
} from '@helix/contract';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';

type Column = keyof RosterPerson;
const COLUMNS: readonly Column[] = ['name', 'email', 'organization', 'group'];

/** Headers and group names are matched folded: any case, `ё` as `е`, punctuation and spacing ignored. */
const folded = (text: string): string =>
  text
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** What registration lists call the columns, in English and Russian (a form's export, a hand-made sheet). */
const HEADERS: Record<Column, string[]> = {
  name: ['name', 'full name', 'participant', 'имя', 'фио', 'ф и о', 'участник', 'имя и фамилия'],
  email: [
    'email',
    'e mail',
    'mail',
    'email address',
    'почта',
    'эл почта',
    'электронная почта',
    'e mail адрес',
  ],
  organization: ['organization', 'organisation', 'company', 'org', 'организация', 'компания', 'место работы'],
  group: [
    'group',
    'stakeholder group',
    'stakeholder',
    'группа',
    'стейкхолдер',
    'группа стейкхолдеров',
    'группа участников',
    'сторона',
  ],
};

/** The stakeholder groups as people write them: the four helices, in both languages. */
const GROUPS: Record<StakeholderGroup, string[]> = {
  university: ['university', 'academia', 'science', 'research', 'университет', 'вуз', 'наука', 'академия'],
  business: ['business', 'industry', 'company', 'бизнес', 'предприниматели', 'компания', 'индустрия'],
  government: ['government', 'authorities', 'public sector', 'власть', 'государство', 'органы власти'],
  civil_society: [
    'civil society',
    'civil_society',
    'ngo',
    'community',
    'общество',
    'гражданское общество',
    'нко',
    'общественность',
  ],
};

const byAlias = <T extends string>(aliases: Record<T, string[]>): Map<string, T> =>
  new Map(
    (Object.entries(aliases) as [T, string[]][]).flatMap(([key, names]) =>
      [key, ...names].map((name) => [folded(name), key] as const),
    ),
  );
const COLUMN_BY_HEADER = byAlias(HEADERS);
const GROUP_BY_NAME = byAlias(GROUPS);

/** One line of the file as it was written, with its number as a spreadsheet shows it (the header is 1). */
interface FileLine {
  line: number;
  cells: string[];
}

/** What checking every line found: the people, or every bad line (then nobody is imported). */
export type CheckedRoster = { people: RosterPerson[]; errors: [] } | { people: []; errors: LineError[] };

/** Reads a registration list and checks every line, so a file is imported whole or not at all. */
export async function checkRosterFile(
  file: RosterImportRequest,
  language: RequestLanguage,
): Promise<CheckedRoster> {
  const lines = file.format === 'csv' ? csvLines(file.content) : await xlsxLines(file.content);
  const say = (message: string): string => localizeErrorMessage(message, language);
  const [header, ...rows] = lines.filter((line) => line.cells.some((cell) => cell.trim()));
  if (!header || !rows.length)
    return { people: [], errors: [{ line: 1, field: 'file', message: say('The file lists nobody') }] };
  const positions = new Map<Column, number>();
  header.cells.forEach((cell, index) => {
    const column = COLUMN_BY_HEADER.get(folded(cell));
    if (column && !positions.has(column)) positions.set(column, index);
  });
  const missing = COLUMNS.filter((column) => !positions.has(column));
  if (missing.length)
    return {
      people: [],
      errors: missing.map((field) => ({ line: header.line, field, message: say('This column is missing') })),
    };

  const errors: LineError[] = [];
  const people: RosterPerson[] = [];
  const lineOfEmail = new Map<string, number>();
  for (const row of rows) {
    const cell = (column: Column): string => (row.cells[positions.get(column) as number] ?? '').trim();
    const group = GROUP_BY_NAME.get(folded(cell('group')));
    const checked = rosterPersonSchema.safeParse({
      name: cell('name'),
      email: cell('email'),
      organization: cell('organization'),
      group: group ?? cell('group'),
    });
    if (!checked.success) {
      // One reason per cell is enough to fix it (an empty name breaks two rules).
      const fields = new Set<string>();
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0]);
        if (fields.has(field)) continue;
        fields.add(field);
        const message =
          field === 'group' ? say('Not a stakeholder group we know') : localizeIssue(issue, language);
        errors.push({ line: row.line, field, message });
      }
      continue;
    }
    const earlier = lineOfEmail.get(checked.data.email);
    if (earlier !== undefined) {
      errors.push({ line: row.line, field: 'email', message: say(`This e-mail is on line ${earlier} too`) });
      continue;
    }
    lineOfEmail.set(checked.data.email, row.line);
    people.push(checked.data);
  }
  return errors.length ? { people: [], errors } : { people, errors: [] };
}

function csvLines(text: string): FileLine[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // A spreadsheet saved as CSV in a Russian locale separates cells with semicolons.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    throw new BadRequestException('The file could not be read as CSV', { cause: error });
  }
}

async function xlsxLines(base64: string): Promise<FileLine[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as never);
  } catch (error) {
    throw new BadRequestException('The file could not be read as XLSX', { cause: error });
  }
  const sheet = workbook.worksheets[0];
  const lines: FileLine[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    // `text` is what the cell shows: an e-mail written as a link, a number, a formula's result.
    row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cell.text));
    lines.push({ line: row.number, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return lines;
}
