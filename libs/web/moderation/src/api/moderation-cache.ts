import type { RoomEvent, RoomEventType, RoomSettings } from '@helix/contract';
import type { QueryClient } from '@tanstack/react-query';
import { moderationKeys } from './query-keys';

/** Events and answers can cross: the settings stored last win. */
export function mergeSettings(current: RoomSettings | undefined, incoming: RoomSettings): RoomSettings {
  return current && current.updatedAt > incoming.updatedAt ? current : incoming;
}

export function setRoomSettings(queryClient: QueryClient, settings: RoomSettings): void {
  queryClient.setQueryData<RoomSettings>(moderationKeys.settings(settings.roomId), (current) =>
    mergeSettings(current, settings),
  );
}

/**
 * Room events that a moderator action can cause, and so a new log entry. Upvotes also arrive as
 * `question.updated`: callers coalesce the refreshes this asks for.
 */
const LOGGED_EVENT_TYPES: ReadonlySet<RoomEventType> = new Set<RoomEventType>([
  'message.hidden',
  'message.deleted',
  'thread.updated',
  'settings.updated',
  'question.updated',
  'question.pending',
  // A poll opens with `poll.created`.
  'poll.created',
]);

/**
 * Votes arrive as `poll.updated` and `initiative.updated` too, far more often than a moderator acts: of
 * these only a poll's close (its final result) asks for the log. An initiative's open or close shows in the
 * log when the next of the events above, or a reload, refreshes it.
 */
const isLogged = (event: RoomEvent): boolean =>
  LOGGED_EVENT_TYPES.has(event.type) ||
  (event.type === 'poll.updated' && (event as RoomEvent<'poll.updated'>).payload.status === 'closed');

/** Applies one room event to the moderation cache; true when the room's moderation log may have grown. */
export function applyModerationEvent(queryClient: QueryClient, event: RoomEvent): boolean {
  if (event.type === 'settings.updated')
    setRoomSettings(queryClient, (event as RoomEvent<'settings.updated'>).payload);
  return isLogged(event);
}
