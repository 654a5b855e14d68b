/** The Socket.IO room that members of a Helix room join. */
export const roomChannel = (roomId: string): string => `room:${roomId}`;
