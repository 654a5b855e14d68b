export const ROOM_CHANNEL_PREFIX = 'room:';

/** The Socket.IO room that members of a Helix room join. */
export const roomChannel = (roomId: string): string => `${ROOM_CHANNEL_PREFIX}${roomId}`;

/**
 * The log of the forum's events that belong to no room (an initiative of the whole forum): no socket joins
 * it, but every instance applies it, so their read models stay the same.
 */
export const FORUM_CHANNEL = 'forum';
