/** Query keys of the polls feature; a room's list sits under the room's key so a room reload refreshes it. */
export const pollKeys = {
  all: () => ['polls'] as const,
  list: (roomId: string) => ['rooms', roomId, 'polls'] as const,
  detail: (pollId: string) => ['polls', pollId] as const,
};
