/**
 * Query keys of the moderation feature. They sit under the room's key, so a fresh join that reloads the
 * room reloads them too; the settings key is the one the Q&A feature reads, so both share one copy.
 */
export const moderationKeys = {
  settings: (roomId: string) => ['rooms', roomId, 'settings'] as const,
  log: (roomId: string) => ['rooms', roomId, 'moderation-log'] as const,
};
