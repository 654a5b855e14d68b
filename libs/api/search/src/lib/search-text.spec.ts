import { snippetOf, stem, tokenize } from './search-text';

describe('search text', () => {
  it('stems Russian and English word forms alike', () => {
    expect(stem('лаборатории')).toBe(stem('лабораторию'));
    expect(stem('Лабораторий')).toBe(stem('лаборатория'));
    expect(stem('universities')).toBe(stem('university'));
    expect(stem('ёлка')).toBe(stem('елка'));
  });

  it('finds words with their offsets in mixed text', () => {
    expect(tokenize('Open labs — открытые лаборатории!')).toEqual([
      { stem: stem('Open'), start: 0, end: 4 },
      { stem: stem('labs'), start: 5, end: 9 },
      { stem: stem('открытые'), start: 12, end: 20 },
      { stem: stem('лаборатории'), start: 21, end: 32 },
    ]);
  });

  it('marks every matching word, the last query word also as a prefix, and cuts long texts around the first', () => {
    const text = `${'Вступление. '.repeat(20)}Откроем лабораторию для студентов и лаборатории для компаний.`;
    const { snippet, highlights } = snippetOf(text, [stem('лаборатория')], stem('студ'));
    expect(snippet.startsWith('…')).toBe(true);
    expect(highlights.map(([start, end]) => snippet.slice(start, end))).toEqual([
      'лабораторию',
      'студентов',
      'лаборатории',
    ]);
  });
});
