import { i18n } from '@helix/web/data-access';
import { useTranslation } from 'react-i18next';
import en from './en.json';
import ru from './ru.json';

/**
 * The roster screens load on demand, and so do their words: they arrive with this feature's code,
 * not with the first page. They live in a namespace of their own, so that adding them never makes i18next
 * believe a language's main strings are loaded; the screens read it first and the app's strings after.
 */
const ROSTER_NS = ['roster', 'translation'];

for (const [language, strings] of Object.entries({ en, ru }))
  i18n.addResourceBundle(language, ROSTER_NS[0], strings, true, true);

/** `t` of these screens: their own words first, then the app's (groups, common buttons). */
export const useRosterTranslation = () => useTranslation(ROSTER_NS, { nsMode: 'fallback' });
