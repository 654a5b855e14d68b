import { useTranslation } from 'react-i18next';

/** A room page's answer when its room is not in the forum's list, or the list did not load. */
export function RoomNotFound({ loadFailed }: { loadFailed: boolean }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="hx-error">
      {loadFailed ? t('rooms.loadFailed') : t('rooms.notFound')}
    </p>
  );
}
