import { Injectable } from '@nestjs/common';
import { PresenceTracker } from '@helix/api/realtime';
import {
  MENTIONABLE_MAX,
  mentionParts,
  mentionToken,
  type Mentionable,
  type PublicUser,
} from '@helix/contract';
import { DiscussionStore } from '../discussion-store';

const folded = (text: string): string => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/**
 * Who a message in a room may mention: the people who wrote there and the people present now, all from
 * memory (docs/adr/0001-forum-scale.md), so autocomplete and the check on send never ask the database.
 */
@Injectable()
export class MentionAudience {
  constructor(
    private readonly store: DiscussionStore,
    private readonly presence: PresenceTracker,
  ) {}

  /** The people of the room whose name has every word of `query` at a word's start, by name. */
  search(roomId: string, query: string, viewerId: string): Mentionable {
    const words = folded(query).split(/\s+/).filter(Boolean);
    const items = this.people(roomId)
      .filter((person) => person.id !== viewerId)
      .filter((person) => {
        const names = folded(person.displayName).split(/\s+/);
        return words.every((word) => names.some((name) => name.startsWith(word)));
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'ru'))
      .slice(0, MENTIONABLE_MAX)
      .map(({ id, displayName, organization }) => ({ id, displayName, organization }));
    return { items };
  }

  /**
   * The text with each token naming someone of the room kept (in their current name), and any other
   * token turned back into the plain `@Name` it showed; with the ids kept, each once.
   */
  accept(roomId: string, text: string): { text: string; mentions: string[] } {
    const parts = mentionParts(text);
    if (!parts.some((part) => part.kind === 'mention')) return { text, mentions: [] };
    const people = new Map(this.people(roomId).map((person) => [person.id, person]));
    const mentions = new Set<string>();
    const accepted = parts
      .map((part) => {
        if (part.kind === 'text') return part.text;
        const person = people.get(part.userId);
        if (!person) return `@${part.name}`;
        mentions.add(person.id);
        return mentionToken(part.name, person.id);
      })
      .join('');
    return { text: accepted, mentions: [...mentions] };
  }

  private people(roomId: string): PublicUser[] {
    const people = new Map(this.store.authorsOf(roomId).map((person) => [person.id, person]));
    for (const person of this.presence.snapshot(roomId).users) people.set(person.id, person);
    return [...people.values()];
  }
}
