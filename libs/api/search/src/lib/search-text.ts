// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient declaration, not a module to import (see the file)
/// <reference path="./orama-stemmers.d.ts" />
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as russian } from '@orama/stemmers/russian';

/** Letters and digits of any script, with an apostrophe or hyphen inside a word. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

export interface Token {
  stem: string;
  start: number;
  end: number;
}

/**
 * Stems already computed, by word as written. A forum's vocabulary is small beside what it writes, so most words
 * of a message were stemmed before: indexing a third day's messages at boot spent most of its time in the
 * Snowball stemmers until they were remembered. Bounded, so a flood of made-up words cannot grow it for good.
 */
const stems = new Map<string, string>();
const STEMS_KEPT = 200_000;

/**
 * The stem of a word in either of the forum's languages, so that «лаборатории» finds «лабораторию» and
 * "universities" finds "university": Cyrillic words by the Russian Snowball stemmer, others by the English.
 */
export function stem(word: string): string {
  let known = stems.get(word);
  if (known === undefined) {
    const lower = word.toLowerCase().replace(/ё/g, 'е');
    known = CYRILLIC.test(lower) ? russian(lower) : english(lower);
    if (stems.size >= STEMS_KEPT) stems.clear();
    stems.set(word, known);
  }
  return known;
}

export function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({
    stem: stem(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

const SNIPPET = 200;

/**
 * The part of `text` around its first word that matches a query stem (the last query word also as a prefix,
 * since it may still be being typed), with every matching word marked.
 */
export function snippetOf(
  text: string,
  stems: readonly string[],
  prefix: string | undefined,
): { snippet: string; highlights: Array<[number, number]> } {
  const matches = tokenize(text).filter(
    (token) => stems.includes(token.stem) || (prefix !== undefined && token.stem.startsWith(prefix)),
  );
  const first = matches[0]?.start ?? 0;
  const start = text.length <= SNIPPET ? 0 : Math.max(0, Math.min(first - 60, text.length - SNIPPET));
  const end = Math.min(text.length, start + SNIPPET);
  const lead = start > 0 ? '…' : '';
  const snippet = lead + text.slice(start, end) + (end < text.length ? '…' : '');
  const highlights = matches
    .filter((token) => token.start >= start && token.end <= end)
    .map((token): [number, number] => [token.start - start + lead.length, token.end - start + lead.length]);
  return { snippet, highlights };
}
