import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel } from '@helix/api/core';
import type { Model } from 'mongoose';
import { GroupChangeRecord } from './group-change.schema';

/**
 * Every group change request in memory (docs/adr/0001-forum-scale.md): the waiting list and each person's
 * history come from here; documents are written and read again by `_id`.
 */
@Injectable()
export class GroupChanges extends ReadModel {
  private readonly byId = new Map<string, GroupChangeRecord>();

  constructor(@InjectModel(GroupChangeRecord.name) private readonly model: Model<GroupChangeRecord>) {
    super();
  }

  get(id: string): GroupChangeRecord | undefined {
    return this.byId.get(id);
  }

  /** Oldest first: who asked first is decided first. */
  pending(): GroupChangeRecord[] {
    return this.sorted([...this.byId.values()].filter((change) => change.status === 'pending'));
  }

  /** The person's requests, newest first. */
  of(userId: string): GroupChangeRecord[] {
    return this.sorted([...this.byId.values()].filter((change) => change.userId === userId)).reverse();
  }

  async insert(record: GroupChangeRecord): Promise<void> {
    await this.model.collection.insertOne(record as never);
    this.put(record);
  }

  /** Writes a decision if the request is still `from`'s status; false when someone else decided first. */
  async transition(
    id: string,
    from: GroupChangeRecord['status'],
    changes: Partial<GroupChangeRecord>,
  ): Promise<boolean> {
    const updated = await this.model
      .findOneAndUpdate({ _id: id, status: from }, { $set: changes }, { new: true })
      .lean<GroupChangeRecord>()
      .exec();
    const stored = updated ?? (await this.model.findById(id).lean<GroupChangeRecord>().exec());
    if (stored) this.put(stored);
    return updated !== null;
  }

  private put(record: GroupChangeRecord): void {
    this.byId.set(record._id.toHexString(), record);
  }

  private sorted(list: GroupChangeRecord[]): GroupChangeRecord[] {
    return list.sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
  }

  protected async load(): Promise<void> {
    for await (const record of this.model.find().lean<GroupChangeRecord>().cursor({ batchSize: 1_000 }))
      this.put(record);
  }
}
