import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel } from '@helix/api/core';
import type { Model } from 'mongoose';
import { InvitationRecord } from './invitation.schema';

/** Every invitation in memory (docs/adr/0001-forum-scale.md): listed by forum, read and written by `_id`. */
@Injectable()
export class InvitationsStore extends ReadModel {
  private readonly byId = new Map<string, InvitationRecord>();

  constructor(@InjectModel(InvitationRecord.name) private readonly model: Model<InvitationRecord>) {
    super();
  }

  get(id: string): InvitationRecord | undefined {
    return this.byId.get(id);
  }

  /** Newest first. */
  ofForum(forumId: string): InvitationRecord[] {
    return [...this.byId.values()]
      .filter((invitation) => invitation.forumId === forumId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /** Reads one invitation again by `_id` (another instance may have used or revoked it). */
  async reload(id: string): Promise<InvitationRecord | undefined> {
    const stored = await this.model.findById(id).lean<InvitationRecord>().exec();
    if (stored) this.byId.set(id, stored);
    return stored ?? undefined;
  }

  put(record: InvitationRecord): void {
    this.byId.set(record._id, record);
  }

  protected async load(): Promise<void> {
    const cursor = this.model.find().lean<InvitationRecord>().cursor({ batchSize: 1_000 });
    for await (const record of cursor) this.put(record);
  }
}
