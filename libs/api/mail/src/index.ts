export { MailModule } from './lib/mail.module';
export { Mailer } from './lib/mailer';
export { linkMail, type LinkMailParts, type MailMessage } from './lib/mail-message';
