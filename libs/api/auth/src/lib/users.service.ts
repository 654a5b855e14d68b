import {
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError, UserDirectory, type DirectoryUser } from '@helix/api/core';
import {
  FORMER_PARTICIPANT_NAME,
  type Role,
  type StakeholderGroup,
  type UpdateProfile,
  type User,
} from '@helix/contract';
import { Types, type Model } from 'mongoose';
import { LiveSessions } from './live-sessions';
import { Accounts } from './accounts';
import { UserEmailRecord } from './schemas/user-email.schema';
import { UserRecord } from './schemas/user.schema';

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  organization: string;
  stakeholderGroup: StakeholderGroup;
  roles: Role[];
}

export const toUser = (record: UserRecord): User => ({
  id: record._id.toHexString(),
  email: record.email,
  displayName: record.displayName,
  organization: record.organization,
  stakeholderGroup: record.stakeholderGroup,
  roles: record.roles,
});

const toDirectoryUser = (record: UserRecord): DirectoryUser => ({
  id: record._id.toHexString(),
  email: record.email,
  displayName: record.displayName,
  organization: record.organization,
  stakeholderGroup: record.stakeholderGroup,
});

const EXISTS = 'An account with this email already exists';

@Injectable()
export class UsersService implements UserDirectory, OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectModel(UserRecord.name) private readonly users: Model<UserRecord>,
    @InjectModel(UserEmailRecord.name) private readonly emails: Model<UserEmailRecord>,
    private readonly live: LiveSessions,
    private readonly accounts: Accounts,
  ) {}

  /** A database from before email look-ups: each account gets its own, once. */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.emails.findOne().lean().exec()) || !(await this.users.findOne().lean().exec())) return;
    let added = 0;
    for await (const user of this.users.find().lean<UserRecord>().cursor({ batchSize: 1_000 })) {
      await this.claim(user.email, user._id.toHexString()).catch(() => undefined);
      added += 1;
    }
    this.logger.log(`Indexed the emails of ${added} accounts`);
  }

  /** The email's look-up is claimed first, so two registrations of one email make one account. */
  async create(user: NewUser): Promise<UserRecord> {
    const _id = new Types.ObjectId();
    await this.claim(user.email, _id.toHexString());
    try {
      const created = (await this.users.create({ ...user, _id })).toObject();
      this.accounts.put(created);
      return created;
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictException(EXISTS);
      throw error;
    }
  }

  async findRecordByEmail(email: string): Promise<UserRecord | null> {
    const owner = await this.emails.findById(email).lean<UserEmailRecord>().exec();
    return owner ? this.users.findById(owner.userId).lean<UserRecord>().exec() : null;
  }

  /** Claims an email for an account; one claimed by an account that was never stored is taken over. */
  private async claim(email: string, userId: string): Promise<void> {
    try {
      await this.emails.collection.insertOne({ _id: email, userId } as never);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const owner = await this.emails.findById(email).lean<UserEmailRecord>().exec();
      if (owner && (await this.users.exists({ _id: owner.userId }).exec()))
        throw new ConflictException(EXISTS);
      await this.emails.replaceOne({ _id: email }, { _id: email, userId }).exec();
    }
  }

  async findByEmail(email: string): Promise<DirectoryUser | null> {
    const record = await this.findRecordByEmail(email);
    return record ? toDirectoryUser(record) : null;
  }

  async findById(id: string): Promise<DirectoryUser | null> {
    const record = Types.ObjectId.isValid(id)
      ? await this.users.findById(id).lean<UserRecord>().exec()
      : null;
    return record ? toDirectoryUser(record) : null;
  }

  async getById(id: string): Promise<UserRecord> {
    const user = Types.ObjectId.isValid(id) ? await this.users.findById(id).lean<UserRecord>().exec() : null;
    if (!user) throw new NotFoundException('No such user');
    return user;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    const result = await this.users.updateOne({ _id: id }, { $set: { passwordHash } }).exec();
    if (result.matchedCount === 0) throw new NotFoundException('No such user');
  }

  async updateProfile(id: string, changes: UpdateProfile): Promise<User> {
    const updated = await this.users
      .findByIdAndUpdate(id, { $set: changes }, { new: true })
      .lean<UserRecord>()
      .exec();
    if (!updated) throw new NotFoundException('No such user');
    this.accounts.put(updated);
    return toUser(updated);
  }

  async setRoles(id: string, roles: Role[]): Promise<User> {
    // Everyone is a participant; the other roles come on top.
    return this.changeAccount(id, { roles: [...new Set<Role>(['participant', ...roles])] });
  }

  /** An approved change of group: votes already cast keep the group they were cast with (their ballots say it). */
  async setGroup(id: string, stakeholderGroup: StakeholderGroup): Promise<User> {
    return this.changeAccount(id, { stakeholderGroup });
  }

  /**
   * Deletes what identifies the person and keeps the account as the author of their words. The e-mail's
   * look-up goes, so the address can register again; the account's own e-mail becomes a value no sign-in
   * can type, since the field is unique.
   */
  async anonymise(id: string): Promise<void> {
    const record = await this.getById(id);
    await this.changeAccount(id, {
      email: `deleted-${id}`,
      passwordHash: '',
      displayName: FORMER_PARTICIPANT_NAME,
      organization: '',
      former: true,
    });
    await this.emails.deleteOne({ _id: record.email, userId: id }).exec();
  }

  private async changeAccount(id: string, changes: Partial<UserRecord>): Promise<User> {
    const updated = await this.users
      .findByIdAndUpdate(id, { $set: changes }, { new: true })
      .lean<UserRecord>()
      .exec();
    if (!updated) throw new NotFoundException('No such user');
    this.accounts.put(updated);
    // Requests and sockets act with the account as it is now, not as their access token says.
    await this.live.changed(id);
    return toUser(updated);
  }
}
