import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The `token` query parameter of the first link in the plain text. */
  token: string | null;
  link: string | null;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** The next message to `to` not yet taken, waiting for it up to `ms`. */
  next(to: string, ms?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

const toReceived = (mail: ParsedMail, to: string): ReceivedMail => {
  const text = mail.text ?? '';
  const link = /https?:\/\/\S+/.exec(text)?.[0] ?? null;
  return {
    to,
    subject: mail.subject ?? '',
    text,
    html: typeof mail.html === 'string' ? mail.html : '',
    link,
    token: link ? new URL(link).searchParams.get('token') : null,
  };
};

/** A real SMTP server on a loopback port that keeps what it receives, parsed. */
export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const recipient of session.envelope.rcptTo) received.push(toReceived(mail, recipient.address));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async next(to, ms = 10_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const mail = received.find((candidate) => candidate.to === to && !taken.has(candidate));
        if (mail) {
          taken.add(mail);
          return mail;
        }
        if (Date.now() > deadline) throw new Error(`no e-mail to ${to} within ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
