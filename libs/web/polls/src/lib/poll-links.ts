/** Where the QR code and a seeded initiative take a person: the room page, scrolled to this poll. */
export const pollVoteUrl = (origin: string, roomId: string, pollId: string): string =>
  `${origin}/rooms/${encodeURIComponent(roomId)}?poll=${encodeURIComponent(pollId)}`;

/** The polls section's heading: the phone's bottom bar takes a thumb there. */
export const POLLS_HEADING_ID = 'polls-heading';
