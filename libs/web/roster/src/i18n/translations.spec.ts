import en from './en.json';
import ru from './ru.json';

type Tree = { [key: string]: string | Tree };

const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
const base = (key: string) => key.replace(/_(one|few|many|other)$/, '');

describe('the roster screens’ words', () => {
  it('exist in English and Russian alike', () => {
    expect([...new Set(keys(ru).map(base))].sort()).toEqual([...new Set(keys(en).map(base))].sort());
  });
});
