import type { RoomEvent, RoomSettings } from '@helix/contract';
import { QueryClient } from '@tanstack/react-query';
import { applyModerationEvent, mergeSettings } from './moderation-cache';
import { moderationKeys } from './query-keys';

const ROOM = 'a'.repeat(24);
const POLL = 'b'.repeat(24);

const settings = (second: number, patch: Partial<RoomSettings> = {}): RoomSettings => ({
  roomId: ROOM,
  qaReview: false,
  qaOpen: true,
  projector: { kind: 'nothing', targetId: null },
  updatedAt: new Date(Date.UTC(2026, 4, 20, 10, 0, second)).toISOString(),
  ...patch,
});

const roomEvent = (seq: number, type: RoomEvent['type'], payload: unknown): RoomEvent =>
  ({ roomId: ROOM, seq, type, payload, at: new Date().toISOString() }) as RoomEvent;

describe('the moderation cache', () => {
  it('takes the settings of a settings.updated event', () => {
    const client = new QueryClient();
    client.setQueryData(moderationKeys.settings(ROOM), settings(1));
    const shown = settings(2, { projector: { kind: 'poll', targetId: POLL } });
    expect(applyModerationEvent(client, roomEvent(7, 'settings.updated', shown))).toBe(true);
    expect(client.getQueryData(moderationKeys.settings(ROOM))).toEqual(shown);
  });

  it('keeps newer settings when an older answer or event arrives late', () => {
    const newer = settings(5, { qaReview: true });
    expect(mergeSettings(newer, settings(4))).toBe(newer);
    expect(mergeSettings(settings(4), newer)).toBe(newer);
    expect(mergeSettings(undefined, newer)).toBe(newer);
  });

  it('asks for the log again after moderator actions only', () => {
    const client = new QueryClient();
    expect(applyModerationEvent(client, roomEvent(1, 'message.hidden', {}))).toBe(true);
    expect(applyModerationEvent(client, roomEvent(2, 'thread.updated', {}))).toBe(true);
    expect(applyModerationEvent(client, roomEvent(3, 'message.created', {}))).toBe(false);
    expect(applyModerationEvent(client, roomEvent(4, 'poll.updated', { status: 'open' }))).toBe(false);
    expect(applyModerationEvent(client, roomEvent(5, 'poll.updated', { status: 'closed' }))).toBe(true);
    expect(applyModerationEvent(client, roomEvent(6, 'poll.created', { status: 'open' }))).toBe(true);
  });
});
