/**
 * The initiative form, prefilled to take a result further: a winning poll option or a bridging statement
 * becomes the title, and the summary says where it came from, with a link back. Read by the form's
 * `draftFromSearch`; nothing is stored until the proposer creates the draft.
 */
export function seedInitiativeHref(seed: { roomId: string; title: string; summary: string }): string {
  return `/initiatives/new?${new URLSearchParams(seed).toString()}`;
}
