import { useForumsTranslation } from '../i18n/register';
import type { Translated } from '@helix/contract';
import { TextAreaField, TextField } from '@helix/web/ui';

/** Russian first: the forum's own language. */
const FORUM_LANGUAGES = ['ru', 'en'] as const;

/** One content field in both of the forum's languages, side by side on a wide screen. */
export function BilingualField({
  label,
  value,
  onChange,
  multiline = false,
  required = false,
  maxLength,
  hint,
}: {
  label: string;
  value: Translated;
  onChange: (value: Translated) => void;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
  hint?: string;
}) {
  const { t } = useForumsTranslation();
  const Field = multiline ? TextAreaField : TextField;
  return (
    <fieldset className="hx-forums-bilingual">
      <legend>{label}</legend>
      {FORUM_LANGUAGES.map((language) => (
        <Field
          key={language}
          label={t(`forums.language.${language}`)}
          lang={language}
          value={value[language]}
          required={required && language === 'ru' && !value.en}
          maxLength={maxLength}
          hint={language === 'en' ? hint : undefined}
          onChange={(event) => onChange({ ...value, [language]: event.target.value })}
        />
      ))}
    </fieldset>
  );
}

export const EMPTY: Translated = { en: '', ru: '' };

/** What the API takes for a bilingual field: the texts given (one stands in for the other), or nothing. */
export function toTranslatable(value: Translated): { en?: string; ru?: string } | undefined {
  const en = value.en.trim();
  const ru = value.ru.trim();
  if (!en && !ru) return undefined;
  return { ...(en ? { en } : {}), ...(ru ? { ru } : {}) };
}

/** Lines of a text area as a list: one key question or speaker a line. */
export const toLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
