/** A piece of a snippet: matched words are `marked`. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * Cuts a snippet at the server's [start, end) highlight ranges, so the matches can be rendered as `<mark>`
 * elements (as text, never as HTML). Ranges out of order, overlapping or out of bounds are tolerated.
 */
export function highlightParts(
  snippet: string,
  highlights: ReadonlyArray<readonly [number, number]>,
): SnippetPart[] {
  const ranges = highlights
    .map(([start, end]) => [Math.max(0, start), Math.min(snippet.length, end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) parts.push({ text: snippet.slice(at, from), marked: false });
    parts.push({ text: snippet.slice(from, end), marked: true });
    at = end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), marked: false });
  return parts;
}
