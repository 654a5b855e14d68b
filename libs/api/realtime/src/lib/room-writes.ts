import { Injectable } from '@nestjs/common';
import type { RoomEventType } from '@helix/contract';

/** Refuses a change of a room (or a forum's channel) that no longer takes any, by throwing. */
export type RoomWriteCheck = (roomId: string, type: RoomEventType) => void;

/**
 * Whether a room takes changes: the forums feature registers its check (a closed forum is a read-only
 * archive), the room log asks it before it records an event, and writes that bypass the log ask it too.
 */
@Injectable()
export class RoomWrites {
  private check: RoomWriteCheck = () => undefined;

  register(check: RoomWriteCheck): void {
    this.check = check;
  }

  require(roomId: string, type: RoomEventType): void {
    this.check(roomId, type);
  }
}
