/**
 * Query keys of the Q&A feature. They sit under the room's key, so a room reload (a fresh join)
 * refreshes them; the rooms list is the same key the other features load it under.
 */
export const qaKeys = {
  rooms: () => ['rooms', 'list'] as const,
  questions: (roomId: string) => ['rooms', roomId, 'questions'] as const,
  settings: (roomId: string) => ['rooms', roomId, 'settings'] as const,
};
