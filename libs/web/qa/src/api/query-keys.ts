/**
 * Query keys of the Q&A feature. They sit under the room's key, so a room reload (a fresh join)
 * refreshes them.
 */
export const qaKeys = {
  questions: (roomId: string) => ['rooms', roomId, 'questions'] as const,
  settings: (roomId: string) => ['rooms', roomId, 'settings'] as const,
};
