import { isSystemAuthor, plainMentionText, type Author, type Message } from '@helix/contract';
import type { TFunction } from 'i18next';

/** An author as the reader's language names them: Helix, a former participant, or by their name. */
export function authorName(author: Author, t: TFunction): string {
  if (isSystemAuthor(author)) return t('message.helix');
  return author.former ? t('people.former') : author.displayName;
}

/** A message's words as plain text, for a quote: what Helix posted is named by what it shows. */
export function messageSnippet(message: Pick<Message, 'text' | 'attachment'>, t: TFunction): string {
  if (message.attachment?.type === 'poll_result')
    return t('message.pollResultSnippet', { question: message.attachment.poll.question });
  return plainMentionText(message.text);
}
