import i18n, { type BackendModule, type InitOptions, type ResourceKey } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import { createNumberFormatter } from './number-formatter';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ru', label: 'Русский' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_STORAGE_KEY = 'helix.lang';

/**
 * English ships with the app (it is also the fallback for a missing key); another language loads when
 * it is chosen, so no one downloads the strings of a language they do not read.
 */
const LAZY_LANGUAGES: Partial<Record<string, () => Promise<{ default: ResourceKey }>>> = {
  ru: () => import('./ru.json'),
};

const lazyLanguages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = LAZY_LANGUAGES[language];
    if (!load) return callback(null, {});
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, null),
    );
  },
};

/** How strings are looked up and written, in the app and in a page the server renders (server.ts) alike. */
export const i18nOptions = {
  supportedLngs: LANGUAGES.map((language) => language.code),
  nonExplicitSupportedLngs: true,
  load: 'languageOnly',
  fallbackLng: 'en',
  // alwaysFormat hands every interpolated value to the formatter, which writes numbers per language.
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false,
} satisfies InitOptions;

let ready: Promise<typeof i18n> | null = null;

/**
 * The language to ask the server for (room names, server-worded texts): the UI's once i18next has started,
 * the reader's own choice before that (the first screen's data is asked for while the strings load), else
 * none, and the browser's Accept-Language speaks.
 */
export function requestLanguage(): string | undefined {
  if (i18n.resolvedLanguage) return i18n.resolvedLanguage;
  const chosen = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_STORAGE_KEY);
  return LANGUAGES.find((language) => language.code === chosen)?.code;
}

/**
 * Starts i18next once: language from localStorage, else the browser; `<html lang>` follows it.
 * Resolves when the chosen language's strings are loaded: render after that, or English flashes first.
 */
export function initI18n(): Promise<typeof i18n> {
  if (ready) return ready;
  ready = i18n
    .use(lazyLanguages)
    .use(LanguageDetector)
    .use(initReactI18next)
    .use(createNumberFormatter())
    .init({
      ...i18nOptions,
      resources: { en: { translation: en } },
      partialBundledLanguages: true,
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        // The cookie is the server's to read: it sends the page in this language, its strings preloaded
        // (libs/api/core client-page.ts).
        caches: ['localStorage', 'cookie'],
        lookupCookie: LANGUAGE_STORAGE_KEY,
        cookieMinutes: 60 * 24 * 365,
        cookieOptions: { path: '/', sameSite: 'lax' },
      },
    })
    // Without its strings the app still works, in English: never keep it from starting.
    .then(
      () => i18n,
      () => i18n,
    );
  const syncLang = (language: string): void => {
    if (typeof document !== 'undefined') document.documentElement.lang = language.split('-')[0] || 'en';
  };
  syncLang(i18n.resolvedLanguage ?? i18n.language ?? 'en');
  i18n.on('languageChanged', syncLang);
  return ready;
}

export { i18n };
