import { Injectable } from '@nestjs/common';

/** Whether a message, not deleted, is in that thread of that room. */
export type MessageExists = (roomId: string, threadId: string, messageId: string) => boolean;

/**
 * Where other features check a reference to a discussion message (an initiative proposed from one) without
 * depending on the discussion feature: discussion registers its lookup here when its module starts.
 */
@Injectable()
export class RoomMessages {
  private lookup: MessageExists = () => false;

  register(lookup: MessageExists): void {
    this.lookup = lookup;
  }

  exists(roomId: string, threadId: string, messageId: string): boolean {
    return this.lookup(roomId, threadId, messageId);
  }
}
