import { useTranslation } from 'react-i18next';

/**
 * Why an action (a save, a switch, a vote) failed, announced as an alert; nothing while it has not.
 * `inline` for a message that sits in a row of buttons.
 */
export function ActionError({ error, inline = false }: { error: Error | null; inline?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag className="hx-error" role="alert">
      {t('errors.generic', { message: error.message })}
    </Tag>
  );
}
