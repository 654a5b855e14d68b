import { i18n } from '@helix/web/data-access';
import en from './en.json';
import ru from './ru.json';

const BUNDLES: Record<string, object> = { en, ru };

/** Adds the feature's strings to a language once that language's own strings are there. */
function merge(language: string): void {
  const bundle = BUNDLES[language];
  if (bundle && i18n.hasResourceBundle(language, 'translation'))
    i18n.addResourceBundle(language, 'translation', bundle, true, false);
}

/**
 * The statements' strings ship with the feature's own chunks, not with the app's first page (its budget).
 * English is there from the start; Russian loads when chosen, and these join it as it arrives.
 */
export function registerStatementStrings(): void {
  for (const language of Object.keys(BUNDLES)) merge(language);
  i18n.on('loaded', (loaded: Record<string, unknown>) => Object.keys(loaded).forEach(merge));
}
