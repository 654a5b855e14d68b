export const ROOM_CHANNEL_PREFIX = 'room:';

/** The Socket.IO room that members of a Helix room join. */
export const roomChannel = (roomId: string): string => `${ROOM_CHANNEL_PREFIX}${roomId}`;

const FORUM_CHANNEL_PREFIX = 'forum:';

/**
 * The log of a forum's events that belong to no room (the forum itself, an initiative of the whole forum): no
 * socket joins it, but every instance applies it, so their read models stay the same.
 */
export const forumChannel = (forumId: string): string => `${FORUM_CHANNEL_PREFIX}${forumId}`;

/** The forum whose channel this is, or undefined for a room. */
export const channelForum = (channel: string): string | undefined =>
  channel.startsWith(FORUM_CHANNEL_PREFIX) ? channel.slice(FORUM_CHANNEL_PREFIX.length) : undefined;
