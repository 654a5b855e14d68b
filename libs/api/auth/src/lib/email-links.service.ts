import { Injectable, Logger } from '@nestjs/common';
import type { RequestLanguage } from '@helix/api/core';
import { Mailer } from '@helix/api/mail';
import type { AuthResponse } from '@helix/contract';
import { AuthService } from './auth.service';
import { emailLinkMail, type EmailLinkKind } from './email-link-mail';
import { LinkTokens } from './link-tokens.service';
import { PasswordHasher } from './password-hasher';
import { RefreshSessionsService } from './refresh-sessions.service';
import { UsersService } from './users.service';

const MINUTE_MS = 60_000;
export const PASSWORD_RESET_TTL_MS = 60 * MINUTE_MS;
export const SIGN_IN_LINK_TTL_MS = 15 * MINUTE_MS;

/** The web client's pages that e-mailed links open. */
const PAGES: Record<EmailLinkKind, string> = {
  'password-reset': '/reset-password',
  'sign-in': '/sign-in-link',
};
const TTL_MS: Record<EmailLinkKind, number> = {
  'password-reset': PASSWORD_RESET_TTL_MS,
  'sign-in': SIGN_IN_LINK_TTL_MS,
};

/** Password reset and sign-in by an e-mailed, single-use link. */
@Injectable()
export class EmailLinksService {
  private readonly logger = new Logger(EmailLinksService.name);

  constructor(
    private readonly users: UsersService,
    private readonly tokens: LinkTokens,
    private readonly mailer: Mailer,
    private readonly passwords: PasswordHasher,
    private readonly sessions: RefreshSessionsService,
    private readonly auth: AuthService,
  ) {}

  /**
   * Answers at once and sends in the background: the reply is the same, and as fast, whether or not the
   * email has an account, so nobody learns who has one.
   */
  request(kind: EmailLinkKind, email: string, lang: RequestLanguage): void {
    this.send(kind, email, lang).catch((error: unknown) =>
      this.logger.error(`Could not send a ${kind} link: ${error instanceof Error ? error.message : error}`),
    );
  }

  /** Sets the new password and ends every session of the account: whoever knew the old one is out. */
  async resetPassword(token: string, password: string): Promise<void> {
    const userId = await this.tokens.use('password-reset', token);
    await this.users.setPasswordHash(userId, await this.passwords.hash(password));
    await this.sessions.endAllOf(userId);
  }

  async signIn(token: string): Promise<AuthResponse> {
    return this.auth.signInAs(await this.tokens.use('sign-in', token));
  }

  private async send(kind: EmailLinkKind, email: string, lang: RequestLanguage): Promise<void> {
    const record = await this.users.findRecordByEmail(email);
    if (!record) return;
    const token = await this.tokens.issue(kind, record._id.toHexString(), TTL_MS[kind]);
    const url = this.mailer.link(PAGES[kind], token);
    await this.mailer.send(emailLinkMail(kind, record.language ?? lang, record.email, url));
  }
}
