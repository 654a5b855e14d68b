import { safeStorage } from '@helix/web/data-access';

const KEY = 'helix.mentionNotifications';

/** Whether this browser shows a notification for a mention: the person asked for it, and the browser allows it. */
export const mentionNotifications = {
  supported: (): boolean => typeof window !== 'undefined' && 'Notification' in window,
  permission: (): NotificationPermission =>
    mentionNotifications.supported() ? Notification.permission : 'denied',
  wanted: (): boolean => safeStorage.read<boolean>(KEY) === true,
  enabled: (): boolean => mentionNotifications.wanted() && mentionNotifications.permission() === 'granted',
  /** Asks the browser's permission when turning on; answers whether notifications are now on. */
  async set(wanted: boolean): Promise<boolean> {
    safeStorage.write(KEY, wanted);
    if (!wanted || !mentionNotifications.supported()) return false;
    if (Notification.permission === 'default') await Notification.requestPermission();
    return mentionNotifications.enabled();
  },
};
