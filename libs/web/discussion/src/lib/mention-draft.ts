import { mentionParts, mentionToken } from '@helix/contract';

/** Someone picked in the composer: the draft shows `@Name`, the message sends their token. */
export interface DraftMention {
  name: string;
  userId: string;
}

/** A stored text as the composer shows it: tokens as `@Name`, with who each one is. */
export function toDraft(text: string): { text: string; mentions: DraftMention[] } {
  const mentions: DraftMention[] = [];
  const shown = mentionParts(text)
    .map((part) => {
      if (part.kind === 'text') return part.text;
      mentions.push({ name: part.name, userId: part.userId });
      return `@${part.name}`;
    })
    .join('');
  return { text: shown, mentions };
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The draft as it is sent: each `@Name` still in it becomes that person's token; one the writer broke by
 * editing stays plain text. Longer names first, so "@Ann Lee" is not taken for "@Ann".
 */
export function fromDraft(text: string, mentions: readonly DraftMention[]): string {
  const byName = new Map(mentions.map((mention) => [mention.name, mention.userId]));
  if (!byName.size) return text;
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escaped);
  const pattern = new RegExp(`(^|[\\s(«"'])@(${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return text.replace(
    pattern,
    (_match, before: string, name: string) => `${before}${mentionToken(name, byName.get(name) ?? '')}`,
  );
}

/** The `@…` being typed just before the caret (a name may have one space), or null. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([\p{L}\p{N}_-]{0,30}(?: [\p{L}\p{N}_-]{0,30})?)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: match.index + match[1].length, query: match[2] };
}
