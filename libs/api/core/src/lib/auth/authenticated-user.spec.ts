import { ForbiddenException } from '@nestjs/common';
import { mayModerateRoom, moderatesAnyRoom, requireRoomModeration } from './authenticated-user';

describe('room moderation policy', () => {
  const participant = { roles: ['participant' as const], moderatedRoomIds: [] };
  const roomModerator = { roles: ['participant' as const], moderatedRoomIds: ['room-a'] };
  const moderator = { roles: ['participant' as const, 'moderator' as const], moderatedRoomIds: [] };
  const admin = { roles: ['participant' as const, 'admin' as const], moderatedRoomIds: [] };

  it('lets a room moderator moderate their rooms and no other', () => {
    expect(mayModerateRoom(roomModerator, 'room-a')).toBe(true);
    expect(mayModerateRoom(roomModerator, 'room-b')).toBe(false);
    expect(() => requireRoomModeration(roomModerator, 'room-b')).toThrow(ForbiddenException);
  });

  it('lets forum-wide moderators and admins moderate every room, and participants none', () => {
    for (const user of [moderator, admin]) expect(mayModerateRoom(user, 'room-b')).toBe(true);
    expect(mayModerateRoom(participant, 'room-a')).toBe(false);
  });

  it('passes the route guard for anyone who moderates somewhere', () => {
    expect([participant, roomModerator, moderator, admin].map(moderatesAnyRoom)).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });
});
