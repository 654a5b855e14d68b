import type { AgendaSession, Forum, Language, Room } from '@helix/contract';
import type { AgendaSessionRecord } from './schemas/agenda-session.schema';
import type { ForumRecord } from './schemas/forum.schema';
import type { RoomRecord } from './schemas/room.schema';
import { inLanguage, listInLanguage } from './translated';

export const toForum = (record: ForumRecord, language: Language): Forum => ({
  id: record._id.toHexString(),
  slug: record.slug,
  title: inLanguage(record.title, language),
  description: inLanguage(record.description, language),
  venue: inLanguage(record.venue, language),
  status: record.status,
  startsAt: record.startsAt.toISOString(),
  endsAt: record.endsAt.toISOString(),
  timeZone: record.timeZone,
  joinCode: record.joinCode,
  outcomePublished: record.outcomePublished || record.status === 'closed',
  organizerIds: record.organizerIds,
  translations: { title: record.title, description: record.description, venue: record.venue },
  openedAt: record.openedAt?.toISOString() ?? null,
  closedAt: record.closedAt?.toISOString() ?? null,
  createdAt: record.createdAt.toISOString(),
});

export const toRoom = (record: RoomRecord, language: Language): Room => ({
  id: record._id.toHexString(),
  forumId: record.forumId,
  slug: record.slug,
  kind: record.kind,
  title: inLanguage(record.title, language),
  description: inLanguage(record.description, language),
  keyQuestions: listInLanguage(record.keyQuestions, language),
  order: record.order,
  archived: record.archived,
  translations: { title: record.title, description: record.description, keyQuestions: record.keyQuestions },
});

export const toSession = (record: AgendaSessionRecord, language: Language): AgendaSession => ({
  id: record._id.toHexString(),
  forumId: record.forumId,
  roomId: record.roomId,
  title: inLanguage(record.title, language),
  description: inLanguage(record.description, language),
  speakers: record.speakers,
  startsAt: record.startsAt.toISOString(),
  endsAt: record.endsAt.toISOString(),
  opensQa: record.opensQa,
  pollId: record.pollId,
  startedAt: record.startedAt?.toISOString() ?? null,
  endedAt: record.endedAt?.toISOString() ?? null,
  translations: { title: record.title, description: record.description },
});
