import { Injectable } from '@nestjs/common';
import type { Role, StakeholderGroup } from '@helix/contract';
import { Accounts, type Account } from './accounts';
import { RefreshSessionsService } from './refresh-sessions.service';
import { UsersService } from './users.service';

/** What managing people needs of accounts: the people feature gets it through the app's wiring. */
@Injectable()
export class AccountAdmin {
  constructor(
    private readonly accounts: Accounts,
    private readonly users: UsersService,
    private readonly sessions: RefreshSessionsService,
  ) {}

  all(): Account[] {
    return this.accounts.all();
  }

  get(id: string): Account | undefined {
    return this.accounts.get(id);
  }

  async setRoles(id: string, roles: Role[]): Promise<Account> {
    await this.users.setRoles(id, roles);
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
