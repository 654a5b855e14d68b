import type { Room } from '@helix/contract';

/** The short path a room's QR code and printed link carry: `/r/<slug>` opens the room after sign-in. */
export const roomShortPath = (room: Pick<Room, 'slug'>): string => `/r/${encodeURIComponent(room.slug)}`;

/** The same, absolute, for the QR code on a projector or a poster. */
export const roomShortLink = (room: Pick<Room, 'slug'>, origin = window.location.origin): string =>
  origin + roomShortPath(room);

/** The room's presenter screen, opened full screen on the hall's projector. */
export const roomPresenterPath = (roomId: string): string => `/present/rooms/${encodeURIComponent(roomId)}`;
