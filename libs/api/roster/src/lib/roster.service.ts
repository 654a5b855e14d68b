import {
  BadRequestException,
  GoneException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { deterministicId, type AuthenticatedUser, type RequestLanguage } from '@helix/api/core';
import { ForumsService } from '@helix/api/forums';
import type {
  AuthResponse,
  BadgeSignInRequest,
  RosterEntry,
  RosterImportRequest,
  RosterImportResult,
} from '@helix/contract';
import type { Model } from 'mongoose';
import { BadgeTokens, hashBadgeToken } from './badge-tokens';
import { RosterAccounts } from './roster-accounts';
import { checkRosterFile } from './roster-file';
import { RosterStore } from './roster-store';
import { BadgeSignInRecord } from './schemas/badge-sign-in.schema';
import { RosterEntryRecord } from './schemas/roster-entry.schema';

const INVALID_BADGE = 'This badge link is not valid';
const REVOKED_BADGE = 'This badge link was revoked: ask the organizers for a new badge';
const REPLACED_BADGE = 'This badge was replaced by a new one: use the new badge';
const NO_ENTRY = 'Nobody with this id is on the forum’s roster';

/**
 * A forum's roster: importing a registration list (every line checked first, then all of it or nothing),
 * and each person's badge link.
 *
 * "Works once per device": opening a badge link starts a session for the device that opened it, and that
 * device then stays signed in by its own session: the web client never sends the link again from a device
 * that is signed in. The link itself is not used up, so the person's phone, tablet and laptop can each sign
 * in with it, and a lost phone does not lock them out; every sign-in is recorded with the device's own
 * random id, so the roster shows how many devices use each badge, and an organizer who sees a stranger's
 * device there revokes the badge (ending every session it started) or prints a new one.
 */
@Injectable()
export class RosterService {
  constructor(
    @InjectModel(RosterEntryRecord.name) private readonly entries: Model<RosterEntryRecord>,
    @InjectModel(BadgeSignInRecord.name) private readonly signIns: Model<BadgeSignInRecord>,
    private readonly store: RosterStore,
    private readonly accounts: RosterAccounts,
    private readonly tokens: BadgeTokens,
    private readonly forums: ForumsService,
  ) {}

  async import(
    organizer: AuthenticatedUser,
    forumId: string,
    file: RosterImportRequest,
    dryRun: boolean,
    language: RequestLanguage,
  ): Promise<RosterImportResult> {
    this.forums.organized(organizer, forumId);
    const checked = await checkRosterFile(file, language);
    if (checked.errors.length)
      throw new UnprocessableEntityException({
        message: 'Some lines of the file are not valid: nothing was imported',
        lines: checked.errors,
      });
    const people = checked.people.map((person) => ({
      email: person.email,
      displayName: person.name,
      organization: person.organization,
      stakeholderGroup: person.group,
    }));
    if (dryRun) {
      const known = people.filter((person) => this.accounts.findByEmail(person.email)).length;
      return { dryRun, total: people.length, created: people.length - known, updated: known };
    }
    const { ids, created, updated } = await this.accounts.importPeople(people);
    await this.addToRoster(forumId, ids);
    return { dryRun, total: people.length, created, updated };
  }

  /** The forum's roster with each badge's token, for the roster screen and the badge sheet. */
  list(organizer: AuthenticatedUser, forumId: string): RosterEntry[] {
    this.forums.organized(organizer, forumId);
    return this.store
      .entriesOf(forumId)
      .map((entry) => this.toEntry(entry))
      .filter((entry): entry is RosterEntry => entry !== null)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'ru'));
  }

  /** Prints a new badge for the person: the old link stops working and its sessions end. */
  async newBadge(organizer: AuthenticatedUser, forumId: string, entryId: string): Promise<RosterEntry> {
    const entry = await this.changeBadge(organizer, forumId, entryId, (current) => {
      const badgeGeneration = current.badgeGeneration + 1;
      return {
        badgeGeneration,
        badgeHash: hashBadgeToken(this.tokens.token(entryId, badgeGeneration)),
        revokedAt: null,
      };
    });
    return this.toEntry(entry) as RosterEntry;
  }

  /** Revokes the person's badge link (410 from then on) and ends every session it started. */
  async revoke(organizer: AuthenticatedUser, forumId: string, entryId: string): Promise<void> {
    await this.changeBadge(organizer, forumId, entryId, (current) => ({
      revokedAt: current.revokedAt ?? new Date(),
    }));
  }

  async signIn(request: BadgeSignInRequest): Promise<AuthResponse> {
    const entry = await this.entryOfToken(request.token);
    const { auth, sessionId } = await this.accounts.signIn(entry.userId);
    const entryId = entry._id.toHexString();
    await this.signIns.collection.insertOne({
      _id: sessionId,
      entryId,
      userId: entry.userId,
      generation: entry.badgeGeneration,
      deviceId: request.deviceId,
      at: new Date(),
    } as never);
    this.store.signedIn(entryId, request.deviceId);
    return auth;
  }

  private async entryOfToken(token: string): Promise<RosterEntryRecord> {
    const entryId = this.tokens.entryIdOf(token);
    const entry = entryId ? await this.entries.findById(entryId).lean<RosterEntryRecord>().exec() : null;
    if (!entryId || !entry) throw new BadRequestException(INVALID_BADGE);
    if (hashBadgeToken(token) === entry.badgeHash) {
      if (entry.revokedAt) throw new GoneException(REVOKED_BADGE);
      return entry;
    }
    const generations = Array.from({ length: entry.badgeGeneration }, (_, generation) => generation);
    if (generations.some((generation) => this.tokens.token(entryId, generation) === token))
      throw new GoneException(REPLACED_BADGE);
    throw new BadRequestException(INVALID_BADGE);
  }

  /** Adds the accounts not yet on the roster, each with their first badge, in one insert. */
  private async addToRoster(forumId: string, userIds: string[]): Promise<void> {
    const importedAt = new Date();
    const fresh = userIds
      .map((userId) => deterministicId(forumId, userId))
      .map((_id, index) => ({ _id, userId: userIds[index] }))
      .filter(({ _id }) => !this.store.entry(_id.toHexString()))
      .map(({ _id, userId }): RosterEntryRecord => ({
        _id,
        forumId,
        userId,
        badgeGeneration: 0,
        badgeHash: hashBadgeToken(this.tokens.token(_id.toHexString(), 0)),
        revokedAt: null,
        importedAt,
      }));
    if (!fresh.length) return;
    await this.entries.collection.insertMany(fresh as never[], { ordered: false });
    fresh.forEach((entry) => this.store.put(entry));
  }

  /** Changes the entry's badge by `_id` and ends the sessions the old link started. */
  private async changeBadge(
    organizer: AuthenticatedUser,
    forumId: string,
    entryId: string,
    change: (current: RosterEntryRecord) => Partial<RosterEntryRecord>,
  ): Promise<RosterEntryRecord> {
    this.forums.organized(organizer, forumId);
    const current = await this.entries.findById(entryId).lean<RosterEntryRecord>().exec();
    if (!current || current.forumId !== forumId) throw new NotFoundException(NO_ENTRY);
    const changed = { ...current, ...change(current) };
    await this.entries
      .updateOne(
        { _id: current._id },
        {
          $set: {
            badgeGeneration: changed.badgeGeneration,
            badgeHash: changed.badgeHash,
            revokedAt: changed.revokedAt,
          },
        },
      )
      .exec();
    this.store.put(changed);
    this.store.forgetDevices(entryId);
    const started = await this.signIns.find({ entryId }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    for (const signIn of started) await this.accounts.endSession(current.userId, signIn._id);
    return changed;
  }

  private toEntry(entry: RosterEntryRecord): RosterEntry | null {
    const account = this.accounts.get(entry.userId);
    if (!account) return null;
    const id = entry._id.toHexString();
    return {
      id,
      userId: entry.userId,
      displayName: account.displayName,
      email: account.email,
      organization: account.organization,
      stakeholderGroup: account.stakeholderGroup,
      badgeToken: entry.revokedAt ? null : this.tokens.token(id, entry.badgeGeneration),
      revokedAt: entry.revokedAt?.toISOString() ?? null,
      devices: this.store.devicesOf(id),
    };
  }
}
