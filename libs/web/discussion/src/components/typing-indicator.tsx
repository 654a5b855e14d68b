import type { PublicUser } from '@helix/contract';
import { useTranslation } from 'react-i18next';

export function TypingIndicator({ users }: { users: PublicUser[] }) {
  const { t } = useTranslation();
  const text =
    users.length === 0
      ? ''
      : users.length === 1
        ? t('thread.typingOne', { name: users[0].displayName })
        : users.length === 2
          ? t('thread.typingTwo', { first: users[0].displayName, second: users[1].displayName })
          : t('thread.typingMany', { count: users.length });
  return <p className="hx-typing">{text}</p>;
}
