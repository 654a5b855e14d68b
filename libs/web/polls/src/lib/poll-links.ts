/** Where the QR code and a seeded initiative take a person: the room page, scrolled to this poll. */
export const pollVoteUrl = (origin: string, roomId: string, pollId: string): string =>
  `${origin}/rooms/${encodeURIComponent(roomId)}?poll=${encodeURIComponent(pollId)}`;
