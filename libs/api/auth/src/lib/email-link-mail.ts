import type { RequestLanguage } from '@helix/api/core';
import { linkMail, type MailMessage } from '@helix/api/mail';

export type EmailLinkKind = 'password-reset' | 'sign-in';

const TEXTS: Record<
  EmailLinkKind,
  Record<RequestLanguage, Omit<Parameters<typeof linkMail>[0], 'to' | 'url'>>
> = {
  'password-reset': {
    en: {
      subject: 'Reset your Helix password',
      lines: ['Someone, hopefully you, asked to reset the password of your Helix account.'],
      linkLabel: 'Choose a new password',
      footer: [
        'The link works once, for one hour. Setting a new password signs you out everywhere.',
        'If it was not you, ignore this message: your password stays as it is.',
      ],
    },
    ru: {
      subject: 'Сброс пароля Helix',
      lines: ['Кто-то (надеемся, вы) попросил сбросить пароль вашего аккаунта Helix.'],
      linkLabel: 'Задать новый пароль',
      footer: [
        'Ссылка действует один раз в течение часа. Новый пароль завершит все ваши сеансы.',
        'Если это были не вы, просто не обращайте внимания на письмо: пароль останется прежним.',
      ],
    },
  },
  'sign-in': {
    en: {
      subject: 'Your Helix sign-in link',
      lines: ['Open this link on the device you want to sign in on.'],
      linkLabel: 'Sign in to Helix',
      footer: [
        'The link works once, for 15 minutes.',
        'If you did not ask for it, ignore this message: nobody is signed in.',
      ],
    },
    ru: {
      subject: 'Ссылка для входа в Helix',
      lines: ['Откройте эту ссылку на том устройстве, где хотите войти.'],
      linkLabel: 'Войти в Helix',
      footer: [
        'Ссылка действует один раз в течение 15 минут.',
        'Если вы её не запрашивали, просто не обращайте внимания на письмо: никто не вошёл.',
      ],
    },
  },
};

export const emailLinkMail = (
  kind: EmailLinkKind,
  lang: RequestLanguage,
  to: string,
  url: string,
): MailMessage => linkMail({ ...TEXTS[kind][lang], to, url });
