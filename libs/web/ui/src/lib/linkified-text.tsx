import type { ReactNode } from 'react';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"\]}>]+$/;

/** Drops sentence punctuation and an unbalanced closing parenthesis from the end of a found URL. */
function trimUrl(candidate: string): string {
  let url = candidate.replace(TRAILING_PUNCTUATION, '');
  while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) {
    url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return url;
}

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Splits text into plain strings and http(s) links; anything else (javascript:, data:, …) stays text. */
export function linkify(
  text: string,
): Array<{ kind: 'text'; value: string } | { kind: 'link'; value: string; href: string }> {
  const parts: Array<{ kind: 'text'; value: string } | { kind: 'link'; value: string; href: string }> = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const value = trimUrl(match[0]);
    const href = safeHref(value);
    if (!href) continue;
    if (start > last) parts.push({ kind: 'text', value: text.slice(last, start) });
    parts.push({ kind: 'link', value, href });
    last = start + value.length;
  }
  if (last < text.length) parts.push({ kind: 'text', value: text.slice(last) });
  return parts;
}

/** Renders user text as React text nodes, never as HTML. */
export function LinkifiedText({ text, className }: { text: string; className?: string }) {
  const nodes: ReactNode[] = linkify(text).map((part, index) =>
    part.kind === 'link' ? (
      <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow">
        {part.value}
      </a>
    ) : (
      part.value
    ),
  );
  return <span className={className ?? 'hx-text'}>{nodes}</span>;
}
