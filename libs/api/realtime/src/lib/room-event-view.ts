import type { RoomEvent, RoomEventType } from '@helix/contract';
import type { RoomEventRecord } from './schemas/room-event.schema';

/** Event types whose record is the subject itself (see RoomEventRecord). */
export const SUBJECT_EVENT_TYPES: ReadonlySet<RoomEventType> = new Set<RoomEventType>(['message.created']);

const MESSAGE_DEFAULTS = { hidden: null };
const THREAD_DEFAULTS = { resolved: false };

/**
 * Fields the contract gained after events were stored: an older payload without one reads with its
 * default, so every event and message a client gets has the full current shape.
 */
const PAYLOAD_DEFAULTS: Partial<Record<RoomEventType, Record<string, unknown>>> = {
  'message.created': MESSAGE_DEFAULTS,
  'message.updated': MESSAGE_DEFAULTS,
  'message.deleted': MESSAGE_DEFAULTS,
  'message.hidden': MESSAGE_DEFAULTS,
  'reaction.updated': MESSAGE_DEFAULTS,
  'thread.created': THREAD_DEFAULTS,
  'thread.updated': THREAD_DEFAULTS,
};

type RecordView = Pick<
  RoomEventRecord,
  '_id' | 'roomId' | 'seq' | 'type' | 'at' | 'clientId' | 'threadId' | 'payload'
>;

const payloadOf = (record: Pick<RoomEventRecord, 'type' | 'payload'>): Record<string, unknown> => {
  const defaults = PAYLOAD_DEFAULTS[record.type];
  return defaults ? { ...defaults, ...record.payload } : record.payload;
};

/** The current state of a subject stored as its creating event (e.g. a message). */
export function subjectView(record: RecordView): Record<string, unknown> {
  return {
    id: record._id.toHexString(),
    roomId: record.roomId,
    threadId: record.threadId ?? null,
    seq: record.seq,
    clientId: record.clientId,
    createdAt: record.at.toISOString(),
    ...payloadOf(record),
  };
}

export function toRoomEvent(record: RecordView): RoomEvent {
  return {
    roomId: record.roomId,
    seq: record.seq,
    type: record.type,
    payload: (SUBJECT_EVENT_TYPES.has(record.type) ? subjectView(record) : payloadOf(record)) as never,
    at: record.at.toISOString(),
  };
}
