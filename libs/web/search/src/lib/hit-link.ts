import type { SearchHit } from '@helix/contract';

/** Where a hit is read: a message in its thread (scrolled to and flashed), a thread, the room's Q&A, an initiative. */
export function hitLink(hit: SearchHit): string {
  const room = hit.roomId ? `/rooms/${encodeURIComponent(hit.roomId)}` : '';
  switch (hit.kind) {
    case 'message':
      return `${room}/threads/${encodeURIComponent(hit.threadId ?? '')}?message=${encodeURIComponent(hit.id)}`;
    case 'thread':
      return `${room}/threads/${encodeURIComponent(hit.id)}`;
    case 'question':
      return `${room}#qa`;
    case 'initiative':
      return `/initiatives/${encodeURIComponent(hit.id)}`;
  }
}
