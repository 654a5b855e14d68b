import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Role } from '@helix/contract';
import type { AuthenticatedUser } from './authenticated-user';

export const IS_PUBLIC = 'helix:isPublic';
/** Opts a route out of the global access-token guard. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export const REQUIRED_ROLES = 'helix:requiredRoles';
/** Any one of the roles is enough; OpenAPI then documents the 403 for everyone else. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiForbiddenResponse({ description: `Only ${roles.join(' or ')} may do this` }),
  );

export const MODERATES_ROOM = 'helix:moderatesRoom';
/**
 * A room's moderation: forum-wide moderators, admins and room moderators pass the guard; the service then
 * decides for the room the subject is in (mayModerateRoom), which the route alone does not name.
 */
export const ModeratesRoom = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(MODERATES_ROOM, true),
    ApiForbiddenResponse({
      description: 'Only a moderator of this room, a moderator or an admin may do this',
    }),
  );

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
