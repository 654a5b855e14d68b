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
import { mongo, Types, type Model } from 'mongoose';
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
  moderatedRoomIds: record.moderatedRoomIds ?? [],
});

const toDirectoryUser = (record: UserRecord): DirectoryUser => ({
  id: record._id.toHexString(),
  email: record.email,
  displayName: record.displayName,
  organization: record.organization,
  stakeholderGroup: record.stakeholderGroup,
});

const EXISTS = 'An account with this email already exists';

/**
 * The password of an account imported from a roster until its person sets one (a reset link): no
 * password matches it, since it is not a hash at all.
 */
const NO_PASSWORD = 'none';

/** A person of an imported registration list. */
export type ImportedUser = Pick<NewUser, 'email' | 'displayName' | 'organization' | 'stakeholderGroup'>;

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

  /**
   * Creates the accounts of new e-mails in two batch inserts (their e-mails' look-ups, then the accounts)
   * and sets the profile of known ones in one bulk write by `_id`, leaving their passwords and roles alone;
   * answers the accounts' ids in the order given. An e-mail another instance claimed meanwhile counts as
   * known.
   */
  async importMany(people: ImportedUser[]): Promise<{ ids: string[]; created: number; updated: number }> {
    const known = new Map<string, string>();
    for (const person of people) {
      const account = this.accounts.byEmail(person.email);
      if (account) known.set(person.email, account.id);
    }
    const fresh = people
      .filter((person) => !known.has(person.email))
      .map((person) => ({ ...person, _id: new Types.ObjectId() }));
    for (const person of await this.claimMany(fresh)) {
      const owner = await this.findRecordByEmail(person.email);
      if (owner) {
        this.accounts.put(owner);
        known.set(person.email, owner._id.toHexString());
      } else {
        // The look-up of an account that was never stored is taken over, as claim() does.
        const claim = { _id: person.email, userId: person._id.toHexString() };
        await this.emails.replaceOne({ _id: person.email }, claim).exec();
      }
    }
    const created = fresh.filter((person) => !known.has(person.email));
    if (created.length) {
      const records = await this.users.insertMany(
        created.map((person) => ({ ...person, passwordHash: NO_PASSWORD, roles: ['participant'] })),
      );
      for (const record of records) this.accounts.put(record.toObject());
    }
    const changed = people.filter((person) => {
      const account = known.has(person.email) ? this.accounts.byEmail(person.email) : undefined;
      return (
        account !== undefined &&
        (account.displayName !== person.displayName ||
          account.organization !== person.organization ||
          account.stakeholderGroup !== person.stakeholderGroup)
      );
    });
    if (changed.length) {
      await this.users.bulkWrite(
        changed.map(({ email, ...profile }) => ({
          updateOne: { filter: { _id: new Types.ObjectId(known.get(email)) }, update: { $set: profile } },
        })),
      );
      for (const person of changed) this.accounts.changeProfile(person);
    }
    const createdIds = new Map(created.map((person) => [person.email, person._id.toHexString()]));
    const ids = people.map((person) => known.get(person.email) ?? (createdIds.get(person.email) as string));
    return { ids, created: created.length, updated: changed.length };
  }

  /** Claims the e-mails of new accounts at once; answers the people whose e-mail was claimed already. */
  private async claimMany<T extends { email: string; _id: Types.ObjectId }>(people: T[]): Promise<T[]> {
    if (!people.length) return [];
    try {
      await this.emails.collection.insertMany(
        people.map((person) => ({ _id: person.email, userId: person._id.toHexString() })) as never[],
        { ordered: false },
      );
      return [];
    } catch (error) {
      if (!(error instanceof mongo.MongoBulkWriteError)) throw error;
      const failures = [error.writeErrors].flat();
      if (failures.some((failure) => failure.code !== 11000)) throw error;
      return failures.map((failure) => people[failure.index]);
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

  /** `moderatedRoomIds` left out: the rooms stay as they are. */
  async setRoles(id: string, roles: Role[], moderatedRoomIds?: string[]): Promise<User> {
    // Everyone is a participant; the other roles come on top.
    const rooms = moderatedRoomIds ? { moderatedRoomIds: [...new Set(moderatedRoomIds)] } : {};
    return this.changeAccount(id, { roles: [...new Set<Role>(['participant', ...roles])], ...rooms });
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
