import { createInstance, type i18n as I18n } from 'i18next';
import en from './en.json';
import { i18nOptions, type LanguageCode } from './i18n';
import { createNumberFormatter } from './number-formatter';
import ru from './ru.json';

/** i18next for one page in one language: every language's strings at hand, ready as soon as it returns. */
export function pageI18n(language: LanguageCode): I18n {
  const instance = createInstance();
  void instance.use(createNumberFormatter()).init({
    ...i18nOptions,
    lng: language,
    resources: { en: { translation: en }, ru: { translation: ru } },
    initAsync: false,
  });
  return instance;
}
