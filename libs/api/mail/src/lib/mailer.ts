import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { HelixConfig } from '@helix/api/core';
import { createTransport, type Transporter } from 'nodemailer';
import type { MailMessage } from './mail-message';
import { Outbox } from './outbox';

/**
 * Sends Helix's e-mail: through SMTP_URL when it is set, else into the outbox admins read in the browser
 * (GET /api/admin/outbox), so a forum without a mail server still gets reset and sign-in links to people.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | null;
  private readonly publicUrl: string;
  /** Messages being handed to the SMTP server: a shutdown lets them finish. */
  private readonly sending = new Set<Promise<unknown>>();

  constructor(
    config: HelixConfig,
    private readonly outbox: Outbox,
  ) {
    // Never the request's Host header: a forged one would put a stranger's address around a victim's token.
    this.publicUrl = config.get('PUBLIC_URL') ?? `http://localhost:${config.get('PORT')}`;
    const url = config.get('SMTP_URL');
    this.transport = url ? createTransport(url, { from: config.get('MAIL_FROM') }) : null;
    if (!url) this.logger.log('SMTP_URL is not set: e-mail is kept in the outbox (GET /api/admin/outbox)');
  }

  /** The address of a page of the web client that an e-mailed link opens, carrying `token`. */
  link(path: string, token: string): string {
    const url = new URL(this.page(path));
    url.searchParams.set('token', token);
    return url.toString();
  }

  /** The address of a page of the web client, as people outside reach it. */
  page(path: string): string {
    return new URL(path, this.publicUrl).toString();
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.transport) return this.outbox.keep(message);
    const sent = this.transport.sendMail(message);
    this.sending.add(sent);
    try {
      await sent;
    } finally {
      this.sending.delete(sent);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.sending]);
    this.transport?.close();
  }
}
