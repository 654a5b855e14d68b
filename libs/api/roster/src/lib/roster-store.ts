import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel } from '@helix/api/core';
import type { Model } from 'mongoose';
import { BadgeSignInRecord } from './schemas/badge-sign-in.schema';
import { RosterEntryRecord } from './schemas/roster-entry.schema';

/**
 * Every forum's roster and which devices used each badge, in memory (docs/adr/0001-forum-scale.md): the
 * roster screen and the badge sheet list from here. A badge sign-in and a revocation read the entry again
 * by `_id`, so what decides whether a link works is always the database.
 */
@Injectable()
export class RosterStore extends ReadModel {
  private readonly entries = new Map<string, RosterEntryRecord>();
  private readonly entryIdsByForum = new Map<string, Set<string>>();
  private readonly devicesByEntry = new Map<string, Set<string>>();

  constructor(
    @InjectModel(RosterEntryRecord.name) private readonly entryModel: Model<RosterEntryRecord>,
    @InjectModel(BadgeSignInRecord.name) private readonly signInModel: Model<BadgeSignInRecord>,
  ) {
    super();
  }

  entry(id: string): RosterEntryRecord | undefined {
    return this.entries.get(id);
  }

  entriesOf(forumId: string): RosterEntryRecord[] {
    return [...(this.entryIdsByForum.get(forumId) ?? [])].map(
      (id) => this.entries.get(id) as RosterEntryRecord,
    );
  }

  devicesOf(entryId: string): number {
    return this.devicesByEntry.get(entryId)?.size ?? 0;
  }

  put(entry: RosterEntryRecord): void {
    const id = entry._id.toHexString();
    this.entries.set(id, entry);
    const ids = this.entryIdsByForum.get(entry.forumId) ?? new Set<string>();
    ids.add(id);
    this.entryIdsByForum.set(entry.forumId, ids);
  }

  signedIn(entryId: string, deviceId: string): void {
    const devices = this.devicesByEntry.get(entryId) ?? new Set<string>();
    devices.add(deviceId);
    this.devicesByEntry.set(entryId, devices);
  }

  /** A new badge or a revoked one starts the count again: the devices of the old link were signed out. */
  forgetDevices(entryId: string): void {
    this.devicesByEntry.delete(entryId);
  }

  protected async load(): Promise<void> {
    const signIns = this.signInModel.find().lean<BadgeSignInRecord>().cursor({ batchSize: 1_000 });
    for await (const entry of this.entryModel.find().lean<RosterEntryRecord>().cursor({ batchSize: 1_000 }))
      this.put(entry);
    for await (const signIn of signIns) {
      const entry = this.entries.get(signIn.entryId);
      // Sign-ins with a revoked or replaced badge belong to sessions that were ended with it.
      if (entry && !entry.revokedAt && signIn.generation === entry.badgeGeneration)
        this.signedIn(signIn.entryId, signIn.deviceId);
    }
  }
}
