import { mentionParts } from '@helix/contract';
import { LinkifiedText } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';

/** A message's text with its mentions as chips; the reader's own mention stands out more. */
export function MentionText({ text, selfId }: { text: string; selfId: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {mentionParts(text).map((part, index) =>
        part.kind === 'text' ? (
          <LinkifiedText key={index} text={part.text} />
        ) : part.userId === selfId ? (
          <strong key={index} className="hx-mention hx-mention--self" data-testid="mention-self">
            @{part.name}
            <span className="hx-visually-hidden"> {t('mentions.you')}</span>
          </strong>
        ) : (
          <span key={index} className="hx-mention" data-testid="mention">
            @{part.name}
          </span>
        ),
      )}
    </>
  );
}
