import { ActionError } from '@helix/web/ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoomSettings } from '../api/get-room-settings';
import { useUpdateRoomSettings } from '../api/update-room-settings';

/** Whether new audience questions wait for a moderator's approval before others see them. */
export function QaReviewToggle({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const settings = useRoomSettings(roomId);
  const update = useUpdateRoomSettings(roomId);
  const on = settings.data?.qaReview ?? false;
  return (
    <div className="hx-console__toggle">
      <label className="hx-check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={on}
          aria-describedby={`${id}-hint`}
          disabled={!settings.data || update.isPending}
          onChange={(event) => update.mutate({ qaReview: event.target.checked })}
        />
        {t('moderation.qaReview.label')}
      </label>
      <p id={`${id}-hint`} className="hx-field__hint">
        {t('moderation.qaReview.hint')}
      </p>
      <ActionError error={update.error} />
    </div>
  );
}
