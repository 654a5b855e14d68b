import type { RequestLanguage } from '@helix/api/core';
import { linkMail, type MailMessage } from '@helix/api/mail';
import type { InvitationRole } from '@helix/contract';

interface InvitationMailFacts {
  to: string;
  url: string;
  forumTitle: string;
  inviterName: string;
  role: InvitationRole;
  roomTitles: string[];
  expiresAt: Date;
}

const ROLE_LINES: Record<RequestLanguage, (facts: InvitationMailFacts) => string> = {
  en: ({ role, roomTitles }) =>
    role === 'organizer'
      ? 'You are invited as an organizer of the forum.'
      : role === 'moderator'
        ? `You are invited to moderate: ${roomTitles.join(', ')}.`
        : 'You are invited to take part.',
  ru: ({ role, roomTitles }) =>
    role === 'organizer'
      ? 'Вас приглашают стать организатором форума.'
      : role === 'moderator'
        ? `Вас приглашают модерировать: ${roomTitles.join(', ')}.`
        : 'Вас приглашают принять участие.',
};

const day = (date: Date, language: RequestLanguage): string =>
  date.toLocaleDateString(language === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The e-mail that carries an invitation link, in the reader's language. */
export function invitationMail(language: RequestLanguage, facts: InvitationMailFacts): MailMessage {
  const expires = day(facts.expiresAt, language);
  const texts =
    language === 'ru'
      ? {
          subject: `Приглашение на форум «${facts.forumTitle}»`,
          lines: [`${facts.inviterName} приглашает вас на форум «${facts.forumTitle}» в Helix.`],
          linkLabel: 'Принять приглашение',
          footer: [
            `Ссылка действует до ${expires}. Откройте её, войдите или зарегистрируйтесь — и всё готово.`,
            'Если вы не ждали этого письма, просто не обращайте на него внимания.',
          ],
        }
      : {
          subject: `Your invitation to ${facts.forumTitle}`,
          lines: [`${facts.inviterName} invites you to ${facts.forumTitle} on Helix.`],
          linkLabel: 'Accept the invitation',
          footer: [
            `The link works until ${expires}. Open it, sign in or sign up, and you are in.`,
            'If you did not expect this message, ignore it.',
          ],
        };
  return linkMail({
    ...texts,
    lines: [...texts.lines, ROLE_LINES[language](facts)],
    to: facts.to,
    url: facts.url,
  });
}
