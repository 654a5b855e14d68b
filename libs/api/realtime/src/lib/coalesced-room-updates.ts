import { Injectable } from '@nestjs/common';
import type { RoomEventDraft } from './room-event';
import { RoomEventLog } from './room-event-log';

/**
 * How often at most one subject's live state (poll results, an initiative's tally) is broadcast. A vote shows
 * within this (the budget for "vote to live result" is 100 ms), and a hall of 2,000 voting at once gets
 * at most 12.5 updates a second per poll: 25,000 deliveries a second, within what the live benchmark sustains.
 */
export const COALESCE_INTERVAL_MS = 80;

interface Cooldown {
  /** A change arrived after the last event: one more event is owed when the interval ends. */
  owed: boolean;
  draft: () => RoomEventDraft | null;
}

/**
 * Turns a stream of changes to one subject into at most one room event per interval. The first change of a
 * quiet subject is told at once (a lone vote shows on the projector without waiting); changes during the
 * interval that follows ride on one event at its end. The payload is built from the subject's state when the
 * event is recorded, so the last event always carries every change before it.
 */
@Injectable()
export class CoalescedRoomUpdates {
  private readonly cooling = new Map<string, Cooldown>();

  constructor(private readonly log: RoomEventLog) {}

  /** `draft` answers the event to record, or null when there is nothing to tell. */
  schedule(subjectId: string, roomId: string, draft: () => RoomEventDraft | null): void {
    const cooldown = this.cooling.get(subjectId);
    if (cooldown) {
      cooldown.owed = true;
      cooldown.draft = draft;
      return;
    }
    this.cooling.set(subjectId, { owed: false, draft });
    this.send(roomId, draft);
    this.coolDown(subjectId, roomId);
  }

  private coolDown(subjectId: string, roomId: string): void {
    setTimeout(() => {
      const cooldown = this.cooling.get(subjectId);
      if (!cooldown?.owed) {
        this.cooling.delete(subjectId);
        return;
      }
      cooldown.owed = false;
      this.send(roomId, cooldown.draft);
      this.coolDown(subjectId, roomId);
    }, COALESCE_INTERVAL_MS).unref();
  }

  private send(roomId: string, draft: () => RoomEventDraft | null): void {
    // A failed broadcast is not lost for good: the next change sends another with the full state.
    this.log.record(roomId, () => ({ event: draft(), result: () => undefined })).catch(() => undefined);
  }
}
