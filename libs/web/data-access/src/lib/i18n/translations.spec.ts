import en from './en.json';
import ru from './ru.json';

type Tree = { [key: string]: string | Tree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const EN_PLURALS = ['one', 'other'];
// Russian needs all four of i18next's forms: 1 комната, 2 комнаты, 5 комнат, 1,5 комнаты.
const RU_PLURALS = ['few', 'many', 'one', 'other'];

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

/** Keys without their plural suffix, each with the plural forms it has (empty for a plain key). */
function byBaseKey(entries: Map<string, string>): Map<string, string[]> {
  const bases = new Map<string, string[]>();
  for (const key of entries.keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match ? key.slice(0, match.index) : key;
    const forms = bases.get(base) ?? [];
    if (match) forms.push(match[1]);
    bases.set(base, forms);
  }
  for (const forms of bases.values()) forms.sort();
  return bases;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]).sort();

describe('the translations', () => {
  const english = flatten(en);
  const russian = flatten(ru);
  const englishBases = byBaseKey(english);
  const russianBases = byBaseKey(russian);

  it('have the same keys in English and Russian', () => {
    expect([...russianBases.keys()].sort()).toEqual([...englishBases.keys()].sort());
  });

  it('have English _one/_other and Russian _one/_few/_many/_other wherever a count is shown', () => {
    const wrong: string[] = [];
    for (const [base, forms] of englishBases) {
      if (!forms.length) {
        if (russianBases.get(base)?.length) wrong.push(`${base}: plural only in Russian`);
        continue;
      }
      if (forms.join() !== EN_PLURALS.join()) wrong.push(`${base}: English has ${forms.join('/')}`);
      const russianForms = russianBases.get(base) ?? [];
      if (russianForms.join() !== RU_PLURALS.join()) {
        wrong.push(`${base}: Russian has ${russianForms.join('/') || 'no plural forms'}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('use the same placeholders in both languages, and no text is empty', () => {
    const wrong: string[] = [];
    for (const [key, text] of russian) {
      if (!text.trim()) wrong.push(`${key}: empty`);
      const base = key.replace(PLURAL_SUFFIX, '');
      const source = english.get(key) ?? english.get(`${base}_other`);
      if (source === undefined) continue;
      // {{count}} may be left out of a Russian form whose word already says it (одна комната).
      const expected = placeholders(source).filter((name) => !(PLURAL_SUFFIX.test(key) && name === 'count'));
      const actual = placeholders(text).filter((name) => name !== 'count' || !PLURAL_SUFFIX.test(key));
      if (actual.join() !== expected.join()) wrong.push(`${key}: {{${actual}}} for {{${expected}}}`);
    }
    for (const [key, text] of english) if (!text.trim()) wrong.push(`${key}: empty in English`);
    expect(wrong).toEqual([]);
  });
});
