import type { RoomEventType } from '@helix/contract';

/** An event as a change asks for it; the log gives it its room, seq and time. */
export interface RoomEventDraft {
  type: RoomEventType;
  subjectId: string;
  threadId?: string;
  actorId: string;
}

/** An event as the log keeps it in memory and sends it between instances: a reference, no content. */
export interface LoggedRoomEvent extends RoomEventDraft {
  roomId: string;
  seq: number;
  at: string;
}
