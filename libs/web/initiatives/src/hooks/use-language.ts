import type { Language } from '@helix/consensus';
import { useTranslation } from 'react-i18next';

/** The UI language, as Intl and @helix/consensus want it. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language ?? 'en').startsWith('ru') ? 'ru' : 'en';
}
