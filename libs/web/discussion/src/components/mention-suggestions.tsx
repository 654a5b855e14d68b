import type { Mentionable } from '@helix/contract';
import { useTranslation } from 'react-i18next';

/** The listbox of the composer's `@` combobox; focus stays in the textarea (aria-activedescendant). */
export function MentionSuggestions({
  id,
  people,
  activeIndex,
  onPick,
}: {
  id: string;
  people: Mentionable['items'];
  activeIndex: number;
  onPick: (person: Mentionable['items'][number]) => void;
}) {
  const { t } = useTranslation();
  if (!people.length) return null;
  return (
    <ul id={id} role="listbox" aria-label={t('mentions.suggestions')} className="hx-mention-list">
      {people.map((person, index) => (
        <li
          key={person.id}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === activeIndex}
          className="hx-mention-list__option"
          // A pointer picks without taking focus from the textarea.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(person);
          }}
        >
          <span>{person.displayName}</span>
          {person.organization ? <span className="hx-muted"> · {person.organization}</span> : null}
        </li>
      ))}
    </ul>
  );
}
