import en from './en.json';
import ru from './ru.json';

type Tree = { [key: string]: string | Tree };

/** Every key with its full path, plural suffixes kept. */
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

const PLURAL = /_(one|few|many|other)$/;
const bases = (keys: string[]) => [...new Set(keys.map((key) => key.replace(PLURAL, '')))].sort();

describe('the statements’ strings', () => {
  const english = keysOf(en);
  const russian = keysOf(ru);

  it('have the same keys in English and Russian', () => {
    expect(bases(russian)).toEqual(bases(english));
  });

  it('give Russian all four plural forms wherever English counts', () => {
    const counted = english.filter((key) => key.endsWith('_other')).map((key) => key.replace(PLURAL, ''));
    expect(counted.length).toBeGreaterThan(5);
    for (const base of counted)
      expect(russian.filter((key) => key.replace(PLURAL, '') === base && key !== base).sort()).toEqual(
        ['few', 'many', 'one', 'other'].map((form) => `${base}_${form}`),
      );
  });
});
