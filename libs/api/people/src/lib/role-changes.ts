import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel } from '@helix/api/core';
import type { RoleChange } from '@helix/contract';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { RoleChangeRecord } from './role-change.schema';

const toRoleChange = (record: RoleChangeRecord): RoleChange => ({
  id: record._id,
  at: record.at.toISOString(),
  by: { id: record.byId, displayName: record.byName },
  from: record.from,
  to: record.to,
  fromRoomIds: record.fromRoomIds ?? [],
  toRoomIds: record.toRoomIds ?? [],
  invitationId: record.invitationId ?? null,
});

/** The role change log: stored by `_id`, each person's changes listed from memory. */
@Injectable()
export class RoleChanges extends ReadModel {
  private readonly byUser = new Map<string, RoleChangeRecord[]>();

  constructor(@InjectModel(RoleChangeRecord.name) private readonly model: Model<RoleChangeRecord>) {
    super();
  }

  async record(change: Omit<RoleChangeRecord, '_id' | 'at'>): Promise<void> {
    const record: RoleChangeRecord = { _id: randomUUID(), at: new Date(), ...change };
    await this.model.collection.insertOne(record as never);
    this.add(record);
  }

  /** Newest first. */
  of(userId: string): RoleChange[] {
    return [...(this.byUser.get(userId) ?? [])].reverse().map(toRoleChange);
  }

  private add(record: RoleChangeRecord): void {
    const list = this.byUser.get(record.userId) ?? [];
    list.push(record);
    this.byUser.set(record.userId, list);
  }

  protected async load(): Promise<void> {
    const records = await this.model.find().lean<RoleChangeRecord[]>().exec();
    records.sort((a, b) => a.at.getTime() - b.at.getTime()).forEach((record) => this.add(record));
  }
}
