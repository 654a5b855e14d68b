import { ForbiddenException, Injectable, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@helix/contract';
import { AccessTokens } from './access-tokens';
import { moderatesAnyRoom, type AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC, MODERATES_ROOM, REQUIRED_ROLES } from './decorators';

/**
 * Every route needs a valid access token unless marked @Public(): passport checks its signature and expiry,
 * then AccessTokens its session and the person's current roles. That second check is here, not in the
 * strategy, because passport keeps one strategy per name for the whole process.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<{ user: AuthenticatedUser }>();
    request.user = await this.tokens.current(request.user);
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user)
      throw new UnauthorizedException('Sign in first: the access token is missing, invalid or expired');
    return user;
  }
}

@Injectable()
export class RolesGuard {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(MODERATES_ROOM, targets)) {
      const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
      if (user && moderatesAnyRoom(user)) return true;
      throw new ForbiddenException('Only a moderator of this room, a moderator or an admin may do this');
    }
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (user && required.some((role) => user.roles.includes(role))) return true;
    throw new ForbiddenException(`Only ${required.join(' or ')} may do this`);
  }
}
