import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ru from './ru.json';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ru', label: 'Русский' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_STORAGE_KEY = 'helix.lang';

/** Starts i18next once: language from localStorage, else the browser; `<html lang>` follows it. */
export function initI18n(): typeof i18n {
  if (i18n.isInitialized) return i18n;
  void i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en }, ru: { translation: ru } },
      supportedLngs: LANGUAGES.map((language) => language.code),
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
      },
      returnNull: false,
    });
  const syncLang = (language: string): void => {
    if (typeof document !== 'undefined') document.documentElement.lang = language.split('-')[0] || 'en';
  };
  syncLang(i18n.resolvedLanguage ?? i18n.language ?? 'en');
  i18n.on('languageChanged', syncLang);
  return i18n;
}

export { i18n };
