import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError, UserDirectory, type DirectoryUser } from '@helix/api/core';
import type { Role, StakeholderGroup, User } from '@helix/contract';
import { Types, type Model } from 'mongoose';
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

@Injectable()
export class UsersService implements UserDirectory {
  constructor(@InjectModel(UserRecord.name) private readonly users: Model<UserRecord>) {}

  async create(user: NewUser): Promise<UserRecord> {
    try {
      const created = await this.users.create(user);
      return created.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw new ConflictException('An account with this email already exists');
      throw error;
    }
  }

  findRecordByEmail(email: string): Promise<UserRecord | null> {
    return this.users.findOne({ email }).lean<UserRecord>().exec();
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

  async setRoles(id: string, roles: Role[]): Promise<User> {
    // Everyone is a participant; the other roles come on top.
    const next = [...new Set<Role>(['participant', ...roles])];
    const updated = await this.users
      .findByIdAndUpdate(id, { $set: { roles: next } }, { new: true })
      .lean<UserRecord>()
      .exec();
    if (!updated) throw new NotFoundException('No such user');
    return toUser(updated);
  }
}
