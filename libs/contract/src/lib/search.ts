import { z } from 'zod';
import { idSchema } from './common';

export const SEARCH_KINDS = ['message', 'thread', 'question', 'initiative'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  /** Only this room of the forum. */
  roomId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;

/** One thing found: where it is, and its text around what matched, with the matches marked. */
export interface SearchHit {
  kind: SearchKind;
  id: string;
  roomId: string | null;
  threadId: string | null;
  /** The thread's or initiative's title; a message's thread title. */
  title: string;
  /** Up to ~200 characters of the text around the first match. */
  snippet: string;
  /** Where in `snippet` the matched words are: [start, end) offsets. */
  highlights: Array<[number, number]>;
  at: string;
}

export interface SearchResults {
  query: string;
  hits: SearchHit[];
}
