import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel } from '@helix/api/core';
import type { Model } from 'mongoose';
import { UserRecord } from './schemas/user.schema';

/** An account as the people directory lists it: never the password hash. */
export interface Account {
  id: string;
  email: string;
  displayName: string;
  organization: string;
  stakeholderGroup: UserRecord['stakeholderGroup'];
  roles: UserRecord['roles'];
  moderatedRoomIds: string[];
  createdAt: Date;
  former?: true;
}

const toAccount = (record: UserRecord & { createdAt?: Date }): Account => ({
  id: record._id.toHexString(),
  email: record.email,
  displayName: record.displayName,
  organization: record.organization,
  stakeholderGroup: record.stakeholderGroup,
  roles: record.roles,
  // Accounts stored before room moderators have no such field.
  moderatedRoomIds: record.moderatedRoomIds ?? [],
  createdAt: record.createdAt ?? record._id.getTimestamp(),
  ...(record.former ? { former: true } : {}),
});

/**
 * Every account in memory, loaded at boot and kept by UsersService as accounts change, so the people
 * directory searches without a query (docs/adr/0001-forum-scale.md).
 */
@Injectable()
export class Accounts extends ReadModel {
  private readonly byId = new Map<string, Account>();
  private readonly idByEmail = new Map<string, string>();

  constructor(@InjectModel(UserRecord.name) private readonly users: Model<UserRecord>) {
    super();
  }

  all(): Account[] {
    return [...this.byId.values()];
  }

  get(id: string): Account | undefined {
    return this.byId.get(id);
  }

  byEmail(email: string): Account | undefined {
    const id = this.idByEmail.get(email);
    return id === undefined ? undefined : this.byId.get(id);
  }

  put(record: UserRecord): void {
    const account = toAccount(record);
    this.byId.set(account.id, account);
    this.idByEmail.set(account.email, account.id);
  }

  /** A profile an import changed, by e-mail. */
  changeProfile(profile: Pick<Account, 'email' | 'displayName' | 'organization' | 'stakeholderGroup'>): void {
    const account = this.byEmail(profile.email);
    if (account) this.byId.set(account.id, { ...account, ...profile });
  }

  protected async load(): Promise<void> {
    const cursor = this.users.find({}, { passwordHash: 0 }).lean<UserRecord>().cursor({ batchSize: 1_000 });
    for await (const record of cursor) this.put(record);
  }
}
