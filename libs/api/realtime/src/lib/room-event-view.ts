import type { RoomEvent, RoomEventType } from '@helix/contract';
import type { RoomEventRecord } from './schemas/room-event.schema';

/** Event types whose record is the subject itself (see RoomEventRecord). */
export const SUBJECT_EVENT_TYPES: ReadonlySet<RoomEventType> = new Set<RoomEventType>(['message.created']);

type RecordView = Pick<
  RoomEventRecord,
  '_id' | 'roomId' | 'seq' | 'type' | 'at' | 'clientId' | 'threadId' | 'payload'
>;

/** The current state of a subject stored as its creating event (e.g. a message). */
export function subjectView(record: RecordView): Record<string, unknown> {
  return {
    id: record._id.toHexString(),
    roomId: record.roomId,
    threadId: record.threadId ?? null,
    seq: record.seq,
    clientId: record.clientId,
    createdAt: record.at.toISOString(),
    ...record.payload,
  };
}

export function toRoomEvent(record: RecordView): RoomEvent {
  return {
    roomId: record.roomId,
    seq: record.seq,
    type: record.type,
    payload: (SUBJECT_EVENT_TYPES.has(record.type) ? subjectView(record) : record.payload) as never,
    at: record.at.toISOString(),
  };
}
