import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { AccessTokens, HelixConfig, PersonalData, type AuthenticatedUser } from '@helix/api/core';
import {
  FORMER_PARTICIPANT_NAME,
  type AuthResponse,
  type LoginRequest,
  type PersonalDataExport,
  type RegisterRequest,
  type TokenPair,
  type User,
} from '@helix/contract';
import { LoginAttempts } from './login-attempts';
import { PasswordHasher } from './password-hasher';
import { RefreshSessionsService } from './refresh-sessions.service';
import type { UserRecord } from './schemas/user.schema';
import { toUser, UsersService } from './users.service';

/** One message for an unknown email and a wrong password, so login does not reveal who has an account. */
const BAD_CREDENTIALS = 'The email or password is not correct';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: RefreshSessionsService,
    private readonly passwords: PasswordHasher,
    private readonly attempts: LoginAttempts,
    private readonly accessTokens: AccessTokens,
    private readonly config: HelixConfig,
    private readonly personalData: PersonalData,
  ) {}

  async register(request: RegisterRequest): Promise<AuthResponse> {
    const email = request.email.toLowerCase();
    const isAdmin = this.config.get('ADMIN_EMAILS').includes(email);
    const record = await this.users.create({
      email,
      passwordHash: await this.passwords.hash(request.password),
      displayName: request.displayName,
      organization: request.organization,
      stakeholderGroup: request.stakeholderGroup,
      roles: isAdmin ? ['participant', 'admin'] : ['participant'],
    });
    return this.signIn(toUser(record));
  }

  /** Signs in from `address` (the client's, for LoginAttempts). */
  async login(request: LoginRequest, address: string): Promise<AuthResponse> {
    const attempt = this.attempts.begin(request.email, address);
    let record: UserRecord | null;
    let valid: boolean;
    try {
      record = await this.users.findRecordByEmail(request.email);
      valid = record
        ? await this.passwords.verify(request.password, record.passwordHash)
        : await this.passwords.verifyDecoy(request.password);
    } catch (error) {
      attempt.undecided();
      throw error;
    }
    if (!record || !valid) throw new UnauthorizedException(BAD_CREDENTIALS);
    attempt.succeeded();
    return this.signIn(toUser(record));
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const next = await this.sessions.rotate(refreshToken);
    // Roles are read again here, so a role change reaches the user at the next refresh.
    const user = toUser(await this.users.getById(next.userId));
    return { accessToken: await this.accessTokens.issue(user, next.sessionId), refreshToken: next.token };
  }

  logout(refreshToken: string): Promise<void> {
    return this.sessions.revokeByToken(refreshToken);
  }

  async me(userId: string): Promise<User> {
    return toUser(await this.users.getById(userId));
  }

  /** Everything kept about the person: the account (never its password hash), sessions, what they did. */
  async exportOf(userId: string): Promise<PersonalDataExport> {
    const record = (await this.users.getById(userId)) as UserRecord & { createdAt?: Date };
    const sessions = await this.sessions.allOf(userId);
    return {
      exportedAt: new Date().toISOString(),
      account: {
        ...toUser(record),
        language: record.language ?? null,
        createdAt: (record.createdAt ?? record._id.getTimestamp()).toISOString(),
      },
      sessions: sessions.map((session) => ({
        id: session._id,
        createdAt: session.createdAt.toISOString(),
        endedAt: session.revokedAt?.toISOString() ?? null,
      })),
      sections: await this.personalData.exportOf(userId),
    };
  }

  /**
   * Deletes the person's account once they confirm with their password. Every session ends first, on every
   * instance, so no token of theirs works while the rest is done; then each feature puts their words under
   * a former participant's name, and the account loses its name, e-mail and password. Votes keep their
   * group, so tallies do not move.
   */
  async deleteAccount(person: AuthenticatedUser, password: string): Promise<void> {
    const record = await this.users.getById(person.id);
    if (!(await this.passwords.verify(password, record.passwordHash)))
      throw new ForbiddenException('The password is not correct');
    await this.sessions.endAllOf(person.id);
    await this.personalData.anonymise(person, {
      id: person.id,
      displayName: FORMER_PARTICIPANT_NAME,
      organization: '',
      stakeholderGroup: record.stakeholderGroup,
      former: true,
    });
    await this.users.anonymise(person.id);
  }

  /** Starts a session for an account proven some other way (an e-mailed link). */
  async signInAs(userId: string): Promise<AuthResponse> {
    return (await this.startSession(userId)).auth;
  }

  /** The same, naming the session it started (a badge link records it, to end it when revoked). */
  async startSession(userId: string): Promise<{ auth: AuthResponse; sessionId: string }> {
    return this.startSessionOf(toUser(await this.users.getById(userId)));
  }

  private async signIn(user: User): Promise<AuthResponse> {
    return (await this.startSessionOf(user)).auth;
  }

  private async startSessionOf(user: User): Promise<{ auth: AuthResponse; sessionId: string }> {
    const session = await this.sessions.start(user.id);
    const auth = {
      accessToken: await this.accessTokens.issue(user, session.sessionId),
      refreshToken: session.token,
      user,
    };
    return { auth, sessionId: session.sessionId };
  }
}
