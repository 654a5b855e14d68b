/** Query keys of the discussion feature; room events update exactly these. */
export const discussionKeys = {
  room: (roomId: string) => ['rooms', roomId] as const,
  threads: (roomId: string) => ['rooms', roomId, 'threads'] as const,
  messages: (roomId: string, threadId: string) => ['rooms', roomId, 'messages', threadId] as const,
};
