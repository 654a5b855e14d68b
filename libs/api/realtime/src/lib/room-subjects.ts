import { Injectable } from '@nestjs/common';
import type { RoomEventPayloads, RoomEventType } from '@helix/contract';

export type RoomEventPayload = RoomEventPayloads[RoomEventType];
import type { LoggedRoomEvent } from './room-event';

/** What a feature tells the room log about the subjects of its event types. */
export interface RoomSubjectSource {
  /**
   * Reads the subject again from the database and applies it to the feature's read model: another
   * instance changed it. Never trusts a payload from elsewhere, so a lost or late message leaves nothing wrong.
   */
  reload(subjectId: string, event: LoggedRoomEvent): Promise<void>;
  /** What members of the room see of the subject now: the payload of its events. Null: nothing to show. */
  view(type: RoomEventType, subjectId: string): RoomEventPayload | null;
}

/** Told about each event another instance stored, after its subject was read again (e.g. to read its log entries). */
export type RemoteEventObserver = (event: LoggedRoomEvent) => Promise<void>;

/** Features register the event types they own when their module is built; the room log asks them. */
@Injectable()
export class RoomSubjects {
  private readonly sources = new Map<RoomEventType, RoomSubjectSource>();
  private readonly observers = new Map<RoomEventType, RemoteEventObserver[]>();

  register(types: readonly RoomEventType[], source: RoomSubjectSource): void {
    for (const type of types) this.sources.set(type, source);
  }

  observeRemote(types: readonly RoomEventType[], observer: RemoteEventObserver): void {
    for (const type of types) this.observers.set(type, [...(this.observers.get(type) ?? []), observer]);
  }

  async reload(event: LoggedRoomEvent): Promise<void> {
    await this.sources.get(event.type)?.reload(event.subjectId, event);
    for (const observer of this.observers.get(event.type) ?? []) await observer(event);
  }

  view(type: RoomEventType, subjectId: string): RoomEventPayload | null {
    return this.sources.get(type)?.view(type, subjectId) ?? null;
  }
}
