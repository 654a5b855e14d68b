import type { Mentionable } from '@helix/contract';
import { useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { useMentionable } from '../api/mentions';
import { mentionQueryAt, type DraftMention } from '../lib/mention-draft';

type Person = Mentionable['items'][number];

/**
 * The composer's `@` autocomplete on the textarea (it stays a textbox, which aria-autocomplete and
 * aria-activedescendant allow, so the composer is found by the role it always had): typing after `@` lists the room's
 * people; arrows move, Enter or Tab picks, Escape closes. Picking writes `@Name ` into the draft and
 * remembers who it was, so the message sends that person's token.
 */
export function useMentionAutocomplete({
  roomId,
  text,
  setText,
  textareaRef,
}: {
  roomId: string;
  text: string;
  setText: (text: string) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [mentions, setMentions] = useState<DraftMention[]>([]);
  const typed = mentionQueryAt(text, caret);
  const open = typed !== null && dismissedAt !== typed.start;
  const people = useMentionable(roomId, open ? typed.query : null).data?.items ?? [];
  const shown = open && people.length > 0;
  const activeIndex = Math.min(active, people.length - 1);

  const pick = (person: Person) => {
    if (!typed) return;
    const before = text.slice(0, typed.start);
    const inserted = `@${person.displayName} `;
    const next = `${before}${inserted}${text.slice(caret)}`;
    setText(next);
    setMentions((known) => [
      ...known.filter((mention) => mention.name !== person.displayName),
      { name: person.displayName, userId: person.id },
    ]);
    const position = before.length + inserted.length;
    setCaret(position);
    requestAnimationFrame(() => {
      textareaRef.current?.focus();
      textareaRef.current?.setSelectionRange(position, position);
    });
  };

  /** True when the key was the autocomplete's. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!shown || !typed) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + people.length) % people.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.nativeEvent.isComposing) {
      pick(people[activeIndex]);
    } else if (event.key === 'Escape') {
      setDismissedAt(typed.start);
    } else return false;
    event.preventDefault();
    return true;
  };

  return {
    mentions,
    setMentions,
    people: shown ? people : [],
    activeIndex,
    listId,
    pick,
    onKeyDown,
    onCaret: (position: number) => {
      setCaret(position);
      setActive(0);
    },
    comboboxProps: {
      'aria-autocomplete': 'list',
      'aria-controls': shown ? listId : undefined,
      'aria-activedescendant': shown ? `${listId}-${activeIndex}` : undefined,
    } as const,
  };
}
