import type { SearchHit } from '@helix/contract';
import { useMemo } from 'react';
import { highlightParts } from '../lib/highlight';

/** A hit's text with the matched words in `<mark>`: rendered as text, so nothing a person wrote runs as HTML. */
export function HighlightedSnippet({ hit }: { hit: Pick<SearchHit, 'snippet' | 'highlights'> }) {
  const parts = useMemo(() => highlightParts(hit.snippet, hit.highlights), [hit.snippet, hit.highlights]);
  return (
    <span className="hx-search-hit__snippet">
      {parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}
    </span>
  );
}
