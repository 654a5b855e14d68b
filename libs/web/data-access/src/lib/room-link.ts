import type { Room } from '@helix/contract';

/** The short path a room's QR code and printed link carry: `/r/<slug>` opens the room after sign-in. */
export const roomShortPath = (room: Pick<Room, 'slug'>): string => `/r/${encodeURIComponent(room.slug)}`;

/**
 * The address people open: the server's PUBLIC_URL when it names one (a meta tag in the page), else the one
 * this page was opened with — which on a projector may well be `localhost`.
 */
export const publicOrigin = (): string =>
  document.querySelector<HTMLMetaElement>('meta[name="helix-public-url"]')?.content || window.location.origin;

/** The same, absolute, for the QR code on a projector or a poster. */
export const roomShortLink = (room: Pick<Room, 'slug'>, origin = publicOrigin()): string =>
  origin + roomShortPath(room);

/** The room's presenter screen, opened full screen on the hall's projector. */
export const roomPresenterPath = (roomId: string): string => `/present/rooms/${encodeURIComponent(roomId)}`;
