import { mentionToken } from '@helix/contract';
import { fromDraft, mentionQueryAt, toDraft } from './mention-draft';

const ann = { name: 'Ann Lee', userId: 'a'.repeat(24) };
const ann2 = { name: 'Ann', userId: 'b'.repeat(24) };
const vera = { name: 'Вера Ёлкина', userId: 'c'.repeat(24) };

describe('mention drafts', () => {
  it('sends each @Name still in the draft as its token, longer names first', () => {
    expect(fromDraft('Hi @Ann Lee and @Ann, and @Вера Ёлкина!', [ann2, ann, vera])).toBe(
      `Hi ${mentionToken('Ann Lee', ann.userId)} and ${mentionToken('Ann', ann2.userId)}, and ${mentionToken(
        'Вера Ёлкина',
        vera.userId,
      )}!`,
    );
  });

  it('leaves a name the writer broke, or one inside a word, as plain text', () => {
    expect(fromDraft('Hi @Ann Leeward and mail@Ann Lee', [ann])).toBe('Hi @Ann Leeward and mail@Ann Lee');
  });

  it('shows a stored text as @Name and gets the same text back', () => {
    const stored = `Ask ${mentionToken('Вера Ёлкина', vera.userId)} (${mentionToken('Ann Lee', ann.userId)})`;
    const draft = toDraft(stored);
    expect(draft.text).toBe('Ask @Вера Ёлкина (@Ann Lee)');
    expect(fromDraft(draft.text, draft.mentions)).toBe(stored);
  });

  it('finds the @query before the caret, with one space and Cyrillic', () => {
    expect(mentionQueryAt('Hi @ве', 6)).toEqual({ start: 3, query: 'ве' });
    expect(mentionQueryAt('Hi @Ann Le', 10)).toEqual({ start: 3, query: 'Ann Le' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail@host', 9)).toBeNull();
    expect(mentionQueryAt('Hi @Ann Lee and more', 20)).toBeNull();
  });
});
