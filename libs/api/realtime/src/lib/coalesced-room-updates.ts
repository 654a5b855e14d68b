import { Injectable } from '@nestjs/common';
import type { RoomEventDraft } from './room-event';
import { RoomEventLog } from './room-event-log';

/** How often at most one subject's live state (poll results, an initiative's tally) is broadcast. */
export const COALESCE_INTERVAL_MS = 250;

/**
 * Turns a stream of changes to one subject into at most one room event per interval: the first change of
 * a quiet subject schedules an event, later ones ride along. The event's payload is built from the
 * subject's state when it is sent, so the last event always carries every change before it.
 */
@Injectable()
export class CoalescedRoomUpdates {
  private readonly scheduled = new Set<string>();

  constructor(private readonly log: RoomEventLog) {}

  /** `draft` answers the event to record when the interval is over, or null when there is nothing to tell. */
  schedule(subjectId: string, roomId: string, draft: () => RoomEventDraft | null): void {
    if (this.scheduled.has(subjectId)) return;
    this.scheduled.add(subjectId);
    setTimeout(() => {
      this.scheduled.delete(subjectId);
      // A failed broadcast is not lost for good: the next change schedules another with the full state.
      this.log.record(roomId, () => ({ event: draft(), result: () => undefined })).catch(() => undefined);
    }, COALESCE_INTERVAL_MS).unref();
  }
}
