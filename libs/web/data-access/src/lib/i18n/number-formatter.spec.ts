import { createInstance } from 'i18next';
import { createNumberFormatter } from './number-formatter';

async function translator(language: string) {
  const i18n = createInstance();
  await i18n.use(createNumberFormatter()).init({
    lng: language,
    resources: {
      en: {
        translation: {
          votes_one: '{{count}} vote',
          votes_other: '{{count}} votes',
          of: '{{share, percent}}',
        },
      },
      ru: {
        translation: {
          votes_one: '{{count}} голос',
          votes_few: '{{count}} голоса',
          votes_many: '{{count}} голосов',
          votes_other: '{{count}} голоса',
          of: '{{share, percent}}',
          named: '{{name}}: {{count}}',
        },
      },
    },
    interpolation: { escapeValue: false, alwaysFormat: true },
  });
  return i18n.t.bind(i18n);
}

describe('numbers in translations', () => {
  it('writes counts the way the UI language does, and still picks the plural form', async () => {
    const en = await translator('en');
    const ru = await translator('ru');
    expect(en('votes', { count: 12500 })).toBe('12,500 votes');
    expect(en('votes', { count: 1 })).toBe('1 vote');
    // Russian groups thousands with a no-break space.
    expect(ru('votes', { count: 12500 })).toBe('12\u00a0500 голосов');
    expect(ru('votes', { count: 22 })).toBe('22 голоса');
    expect(ru('votes', { count: 1.5 })).toBe('1,5 голоса');
  });

  it('formats shares as percentages and leaves text alone', async () => {
    expect((await translator('en'))('of', { share: 0.45 })).toBe('45%');
    expect((await translator('ru'))('of', { share: 0.45 })).toBe('45\u00a0%');
    expect((await translator('ru'))('named', { name: 'Анна 2', count: 3 })).toBe('Анна 2: 3');
  });
});
