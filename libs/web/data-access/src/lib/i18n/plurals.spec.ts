import { createInstance, type i18n as I18n } from 'i18next';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import en from './en.json';
import ru from './ru.json';

type Tree = { [key: string]: string | Tree };

const COUNTS = [1, 2, 5, 21] as const;
/** The form each count takes: English says "1 vote, 21 votes"; Russian "1 голос, 2 голоса, 5 голосов, 21 голос". */
const FORMS: Record<'en' | 'ru', Record<(typeof COUNTS)[number], string>> = {
  en: { 1: 'one', 2: 'other', 5: 'other', 21: 'other' },
  ru: { 1: 'one', 2: 'few', 5: 'many', 21: 'one' },
};

const workspaceRoot = join(__dirname, '../../../../../..');
const SOURCE_ROOTS = ['apps/web/src', 'libs/web'];

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

const english = flatten(en);
const russian = flatten(ru);
/** Every key with plural forms, without its suffix. */
const pluralKeys = [...english.keys()].filter((key) => key.endsWith('_one')).map((key) => key.slice(0, -4));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Keys the web client translates with a `count` (`t('polls.voters', { count: n })`), written out in full. */
function keysUsedWithCount(): Map<string, string> {
  const used = new Map<string, string>();
  const call = /\bt\(\s*'([\w.]+)'\s*,\s*\{([^}]*)\}/g;
  for (const root of SOURCE_ROOTS) {
    for (const file of sourceFiles(join(workspaceRoot, root))) {
      for (const match of readFileSync(file, 'utf8').matchAll(call)) {
        if (/\bcount\b/.test(match[2])) used.set(match[1], file.slice(workspaceRoot.length + 1));
      }
    }
  }
  return used;
}

describe('plural forms', () => {
  const instances: Partial<Record<'en' | 'ru', I18n>> = {};

  beforeAll(async () => {
    for (const [language, strings] of [
      ['en', en],
      ['ru', ru],
    ] as const) {
      const instance = createInstance();
      await instance.init({
        lng: language,
        resources: { [language]: { translation: strings } },
        interpolation: { escapeValue: false },
      });
      instances[language] = instance;
    }
  });

  it.each(['en', 'ru'] as const)('%s: every counted text takes its form for 1, 2, 5 and 21', (language) => {
    const strings = language === 'en' ? english : russian;
    const wrong: string[] = [];
    for (const key of pluralKeys) {
      for (const count of COUNTS) {
        const form = strings.get(`${key}_${FORMS[language][count]}`) as string;
        const rendered = (instances[language] as I18n).t(key, { count, needed: 3, allowed: 0, percent: 60 });
        const expected = form
          .replaceAll('{{count}}', String(count))
          .replaceAll('{{needed}}', '3')
          .replaceAll('{{allowed}}', '0')
          .replaceAll('{{percent}}', '60');
        if (rendered !== expected) wrong.push(`${key} (${count}): "${rendered}", not "${expected}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reads right in both languages where counts are most often seen', () => {
    const say = (language: 'en' | 'ru', key: string, count: number, extra: object = {}) =>
      (instances[language] as I18n).t(key, { count, ...extra });
    expect(COUNTS.map((count) => say('en', 'polls.voters', count))).toEqual([
      '1 voter',
      '2 voters',
      '5 voters',
      '21 voters',
    ]);
    expect(COUNTS.map((count) => say('ru', 'polls.voters', count))).toEqual([
      '1 участник',
      '2 участника',
      '5 участников',
      '21 участник',
    ]);
    const quorum = 'initiatives.conditions.quorum.met';
    expect(say('en', quorum, 1, { needed: 1 })).toBe('1 vote cast; 1 needed.');
    expect(say('en', quorum, 21, { needed: 6 })).toBe('21 votes cast; 6 needed.');
    expect(say('ru', quorum, 21, { needed: 6 })).toBe('Подан 21 голос, нужно не меньше 6.');
    expect(say('ru', quorum, 5, { needed: 6 })).toBe('Подано 5 голосов, нужно не меньше 6.');
    expect(say('ru', 'polls.countdown.minutesLeft', 2)).toBe('Осталось 2 минуты');
  });

  it('exist for every key the web client translates with a count', () => {
    const used = keysUsedWithCount();
    // The scan finds the calls it checks.
    expect(used.has('polls.voters')).toBe(true);
    expect(used.has('initiatives.conditions.quorum.met')).toBe(true);
    const missing = [...used]
      .filter(([key]) => english.has(key) || english.has(`${key}_other`))
      .filter(([key]) => !pluralKeys.includes(key))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
