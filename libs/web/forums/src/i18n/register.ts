import { i18n } from '@helix/web/data-access';
import en from './en.json';
import ru from './ru.json';

/**
 * The organizer's screens load on demand, and so do their words: they arrive with this feature's code,
 * not with the first page. They live in a namespace of their own, so that adding them never makes i18next
 * believe a language's main strings are loaded; the screens read it first and the app's strings after.
 */
export const FORUMS_NS = ['forums', 'translation'] as const;

for (const [language, strings] of Object.entries({ en, ru }))
  i18n.addResourceBundle(language, FORUMS_NS[0], strings, true, true);
