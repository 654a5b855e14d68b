import { MODERATION_REASON_MAX, type Message } from '@helix/contract';
import { ReasonDialog } from '@helix/web/ui/dialog';
import { useTranslation } from 'react-i18next';
import { useHideMessage } from '../api/message-actions';
import { authorName, messageSnippet } from '../lib/message-words';

/** Loaded on demand (see message-item): only moderators ever open it. */
export default function HideMessageDialog({
  message,
  onClose,
}: {
  message: Message;
  /** `hidden` says whether the message was hidden or the moderator backed out. */
  onClose: (hidden: boolean) => void;
}) {
  const { t } = useTranslation();
  const hide = useHideMessage();
  return (
    <ReasonDialog
      title={t('message.hideDialog.title')}
      description={
        <>
          <p>{t('message.hideDialog.description', { name: authorName(message.author, t) })}</p>
          <blockquote className="hx-message__quote">{messageSnippet(message, t).slice(0, 280)}</blockquote>
        </>
      }
      reasonLabel={t('message.hideDialog.reason')}
      reasonHint={t('message.hideDialog.reasonHint')}
      requiredError={t('message.hideDialog.reasonRequired')}
      confirmLabel={t('message.hideDialog.confirm')}
      maxLength={MODERATION_REASON_MAX}
      pending={hide.isPending}
      error={hide.error ? t('errors.generic', { message: hide.error.message }) : undefined}
      onConfirm={(reason) =>
        hide.mutate({ messageId: message.id, reason }, { onSuccess: () => onClose(true) })
      }
      onClose={() => onClose(false)}
    />
  );
}
