import { Injectable } from '@nestjs/common';
import { RoomEventLog, type RoomEventDraft } from './room-event-log';

/** How often at most one subject's live state (poll results, an initiative's tally) is broadcast. */
export const COALESCE_INTERVAL_MS = 250;

/**
 * Turns a stream of changes to one subject into at most one room event per interval: the first change
 * of a quiet subject schedules an event, later ones ride along, and the draft is built when the event
 * is stored (inside the room's queue), so the last event always carries every change before it.
 */
@Injectable()
export class CoalescedRoomUpdates {
  private readonly scheduled = new Set<string>();

  constructor(private readonly log: RoomEventLog) {}

  schedule(subjectId: string, roomId: string, build: () => Promise<RoomEventDraft | null>): void {
    if (this.scheduled.has(subjectId)) return;
    this.scheduled.add(subjectId);
    setTimeout(() => {
      this.scheduled.delete(subjectId);
      // A failed broadcast is not lost for good: the next change schedules another with the full state.
      this.log.appendWith(roomId, build).catch(() => undefined);
    }, COALESCE_INTERVAL_MS).unref();
  }
}
