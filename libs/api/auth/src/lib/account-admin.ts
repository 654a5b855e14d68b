import { Injectable } from '@nestjs/common';
import type { AuthResponse, Role, StakeholderGroup } from '@helix/contract';
import { Accounts, type Account } from './accounts';
import { AuthService } from './auth.service';
import { RefreshSessionsService } from './refresh-sessions.service';
import { UsersService, type ImportedUser } from './users.service';

/**
 * What managing people (the directory, a forum's roster) needs of accounts: those features get it through
 * the app's wiring.
 */
@Injectable()
export class AccountAdmin {
  constructor(
    private readonly accounts: Accounts,
    private readonly users: UsersService,
    private readonly sessions: RefreshSessionsService,
    private readonly auth: AuthService,
  ) {}

  all(): Account[] {
    return this.accounts.all();
  }

  get(id: string): Account | undefined {
    return this.accounts.get(id);
  }

  findByEmail(email: string): Account | undefined {
    return this.accounts.byEmail(email);
  }

  importPeople(people: ImportedUser[]): Promise<{ ids: string[]; created: number; updated: number }> {
    return this.users.importMany(people);
  }

  signIn(id: string): Promise<{ auth: AuthResponse; sessionId: string }> {
    return this.auth.startSession(id);
  }

  async setRoles(id: string, roles: Role[], moderatedRoomIds?: string[]): Promise<Account> {
    await this.users.setRoles(id, roles, moderatedRoomIds);
    return this.accounts.get(id) as Account;
  }

  async setGroup(id: string, group: StakeholderGroup): Promise<Account> {
    await this.users.setGroup(id, group);
    return this.accounts.get(id) as Account;
  }

  liveSessions(id: string): Promise<{ id: string; createdAt: Date }[]> {
    return this.sessions.liveOf(id);
  }

  endSession(id: string, sessionId: string): Promise<boolean> {
    return this.sessions.endOf(id, sessionId);
  }
}
