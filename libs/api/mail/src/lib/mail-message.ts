import escapeHtml from 'escape-html';

/** One e-mail, in the reader's language, as plain text and as HTML. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** An e-mail whose point is one link: a password reset, a sign-in link, an invitation. */
export interface LinkMailParts {
  to: string;
  subject: string;
  /** Paragraphs before the link. */
  lines: string[];
  linkLabel: string;
  url: string;
  /** Paragraphs after the link: how long it works, what to do if it was not you. */
  footer: string[];
}

/** Builds both bodies from the same parts, so the plain text and the HTML always say the same. */
export function linkMail(parts: LinkMailParts): MailMessage {
  const text = [...parts.lines, '', `${parts.linkLabel}: ${parts.url}`, '', ...parts.footer].join('\n');
  const paragraph = (line: string) => `<p>${escapeHtml(line)}</p>`;
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    ...parts.lines.map(paragraph),
    `<p><a href="${escapeHtml(parts.url)}">${escapeHtml(parts.linkLabel)}</a></p>`,
    ...parts.footer.map(paragraph),
    '</body></html>',
  ].join('\n');
  return { to: parts.to, subject: parts.subject, text, html };
}
