/** The room page, scrolled to this poll. */
export const pollPath = (roomId: string, pollId: string): string =>
  `/rooms/${encodeURIComponent(roomId)}?poll=${encodeURIComponent(pollId)}`;

/** Where the QR code and a seeded initiative take a person: the room page, scrolled to this poll. */
export const pollVoteUrl = (origin: string, roomId: string, pollId: string): string =>
  `${origin}${pollPath(roomId, pollId)}`;

/** The poll alone, full screen, as the hall's projector shows it. */
export const projectorPath = (pollId: string): string => `/present/poll/${encodeURIComponent(pollId)}`;

/** The thread Helix opened for a closed poll's result, where the room discusses it. */
export const resultThreadPath = (roomId: string, threadId: string): string =>
  `/rooms/${encodeURIComponent(roomId)}/threads/${encodeURIComponent(threadId)}`;

/** The polls section's heading: the phone's bottom bar takes a thumb there. */
export const POLLS_HEADING_ID = 'polls-heading';
