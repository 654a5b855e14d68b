import type { Language, TranslatableInput, Translated, TranslatedList } from '@helix/contract';

/**
 * A content field as it is kept: English and Russian. An organizer who writes one text writes it for both;
 * one who leaves a language out keeps what was there, or shows the other language in its place.
 */
export function toTranslated(input: TranslatableInput, previous?: Translated): Translated {
  if (typeof input === 'string') return { en: input, ru: input };
  const en = input.en ?? previous?.en ?? input.ru ?? '';
  const ru = input.ru ?? previous?.ru ?? input.en ?? '';
  return { en, ru };
}

export function toTranslatedList(
  input: string[] | { en?: string[]; ru?: string[] },
  previous?: TranslatedList,
): TranslatedList {
  if (Array.isArray(input)) return { en: input, ru: input };
  const en = input.en ?? previous?.en ?? input.ru ?? [];
  const ru = input.ru ?? previous?.ru ?? input.en ?? [];
  return { en, ru };
}

/** The text in the reader's language, or the other one when that is empty. */
export const inLanguage = (text: Translated, language: Language): string =>
  text[language] || text.en || text.ru;

export const listInLanguage = (list: TranslatedList, language: Language): string[] =>
  list[language]?.length ? list[language] : list.en?.length ? list.en : (list.ru ?? []);

export const EMPTY_TEXT: Translated = { en: '', ru: '' };
