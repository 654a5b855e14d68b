import {
  BadRequestException,
  ConflictException,
  GoneException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  deterministicId,
  HelixConfig,
  isDuplicateKeyError,
  KeyedMutex,
  type AuthenticatedUser,
  type RequestLanguage,
} from '@helix/api/core';
import { ForumsService, ForumsStore, inLanguage } from '@helix/api/forums';
import { Mailer } from '@helix/api/mail';
import type {
  CreateInvitation,
  Invitation,
  InvitationAcceptance,
  InvitationPreview,
  InvitationStatus,
} from '@helix/contract';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Types, type Model } from 'mongoose';
import { PeopleAccounts } from '../people-accounts';
import { PeopleService } from '../people.service';
import { invitationMail } from './invitation-mail';
import { InvitationRecord } from './invitation.schema';
import { InvitationsStore } from './invitations-store';

const NO_INVITATION = 'No such invitation: check the link, or ask for a new one';
const INVITE_PAGE = '/invite/';

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

export function invitationStatus(record: InvitationRecord, now = new Date()): InvitationStatus {
  if (record.revokedAt) return 'revoked';
  if (record.expiresAt <= now) return 'expired';
  return record.useCount >= record.maxUses ? 'used_up' : 'active';
}

/** Why a link no longer works, as the person who opened it should read it. */
function refusal(status: Exclude<InvitationStatus, 'active'>): Error {
  if (status === 'revoked') return new GoneException('This invitation was withdrawn by its organizers');
  if (status === 'expired') return new GoneException('This invitation has expired: ask for a new one');
  return new ConflictException('This invitation has been used as many times as it allows');
}

/**
 * Invitation links (Zulip's invite links with a role and an expiry): organizers make them, anyone holding
 * one accepts it once, and accepting grants its role in its forum. Documents by `_id`, lists from memory.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);
  /** One acceptance, creation or revocation of an invitation at a time in this process (see KeyedMutex). */
  private readonly mutex = new KeyedMutex();
  private readonly tokenKey: string;

  constructor(
    @InjectModel(InvitationRecord.name) private readonly model: Model<InvitationRecord>,
    private readonly store: InvitationsStore,
    private readonly people: PeopleService,
    private readonly accounts: PeopleAccounts,
    private readonly forums: ForumsService,
    private readonly forumsStore: ForumsStore,
    private readonly mailer: Mailer,
    config: HelixConfig,
  ) {
    this.tokenKey = config.get('JWT_SECRET');
  }

  /** A repeated clientId answers the invitation the first request made (`created: false`). */
  async create(
    user: AuthenticatedUser,
    forumId: string,
    request: CreateInvitation,
    language: RequestLanguage,
  ): Promise<{ invitation: Invitation; created: boolean }> {
    this.forums.organized(user, forumId);
    const forumRooms = new Set(this.forumsStore.roomsOf(forumId).map((room) => room._id.toHexString()));
    const foreign = request.roomIds.filter((roomId) => !forumRooms.has(roomId));
    if (foreign.length) throw new BadRequestException(`Not a room of this forum: ${foreign.join(', ')}`);
    const id = (
      request.clientId ? deterministicId('invitation', user.id, request.clientId) : new Types.ObjectId()
    ).toHexString();
    return this.mutex.run(id, async () => {
      const known = this.store.get(id) ?? (request.clientId ? await this.store.reload(id) : undefined);
      if (known) return { invitation: this.sameClientId(known, forumId), created: false };
      const record: InvitationRecord = {
        _id: id,
        forumId,
        role: request.role,
        roomIds: [...new Set(request.roomIds)],
        expiresAt: new Date(request.expiresAt),
        maxUses: request.maxUses,
        email: request.email ?? null,
        tokenHash: sha256(this.tokenOf(id)).toString('base64url'),
        createdById: user.id,
        createdByName: user.displayName,
        createdAt: new Date(),
        revokedAt: null,
        useCount: 0,
        uses: [],
      };
      try {
        await this.model.collection.insertOne(record as never);
      } catch (error) {
        // The same clientId reached another instance at the same moment: that one stored it.
        if (!isDuplicateKeyError(error)) throw error;
        const stored = await this.store.reload(id);
        if (!stored) throw error;
        return { invitation: this.sameClientId(stored, forumId), created: false };
      }
      this.store.put(record);
      if (record.email) this.sendInBackground(record, request.language ?? language);
      return { invitation: this.view(record), created: true };
    });
  }

  list(user: AuthenticatedUser, forumId: string): Invitation[] {
    this.forums.organized(user, forumId);
    return this.store.ofForum(forumId).map((record) => this.view(record));
  }

  /** Revoking twice is one revocation; the uses so far keep what they granted. */
  async revoke(user: AuthenticatedUser, invitationId: string): Promise<Invitation> {
    const known = this.store.get(invitationId) ?? (await this.store.reload(invitationId));
    if (!known) throw new NotFoundException('No such invitation');
    this.forums.organized(user, known.forumId);
    return this.mutex.run(invitationId, async () => {
      const updated = await this.model
        .findOneAndUpdate(
          { _id: invitationId, revokedAt: null },
          { $set: { revokedAt: new Date() } },
          { new: true },
        )
        .lean<InvitationRecord>()
        .exec();
      const current = updated ?? (await this.store.reload(invitationId));
      if (!current) throw new NotFoundException('No such invitation');
      this.store.put(current);
      return this.view(current);
    });
  }

  /** What the invitation page shows before its visitor signs in. */
  async preview(token: string, language: RequestLanguage): Promise<InvitationPreview> {
    return this.previewOf(await this.byToken(token), language);
  }

  /**
   * Grants the invitation's role to the signed-in person and counts their use, once: accepting again
   * grants and counts nothing more. The role is granted before the use is stored, so a failure in between
   * leaves the use uncounted (the person may try again), never counted with nothing granted.
   */
  async accept(
    user: AuthenticatedUser,
    token: string,
    language: RequestLanguage,
  ): Promise<InvitationAcceptance> {
    const { _id: id } = await this.byToken(token);
    return this.mutex.run(id, async () => {
      // Read again by `_id`: another instance may have counted uses or revoked it.
      const current = await this.store.reload(id);
      if (!current) throw new NotFoundException(NO_INVITATION);
      if (current.uses.some((use) => use.userId === user.id))
        return { invitation: this.previewOf(current, language), granted: false };
      const status = invitationStatus(current);
      if (status !== 'active') throw refusal(status);
      await this.grant(current, user, language);
      const updated = await this.model
        .findOneAndUpdate(
          // The count read above: unchanged, nobody else was added since (this person included).
          { _id: id, revokedAt: null, useCount: current.useCount },
          { $push: { uses: { userId: user.id, at: new Date() } }, $inc: { useCount: 1 } },
          { new: true },
        )
        .lean<InvitationRecord>()
        .exec();
      const stored = updated ?? (await this.store.reload(id));
      if (!stored) throw new NotFoundException(NO_INVITATION);
      this.store.put(stored);
      if (!updated) throw refusal(invitationStatus(stored) === 'revoked' ? 'revoked' : 'used_up');
      return { invitation: this.previewOf(stored, language), granted: true };
    });
  }

  private async grant(
    invitation: InvitationRecord,
    user: AuthenticatedUser,
    language: RequestLanguage,
  ): Promise<void> {
    const inviter = { id: invitation.createdById, displayName: invitation.createdByName };
    if (invitation.role === 'moderator') {
      const account = this.accounts.get(user.id);
      if (!account) throw new NotFoundException('No such person');
      const rooms = [...new Set([...account.moderatedRoomIds, ...invitation.roomIds])];
      await this.people.setRoles(
        inviter,
        user.id,
        { roles: account.roles, moderatedRoomIds: rooms },
        invitation._id,
      );
    }
    if (invitation.role === 'organizer') {
      const account = this.accounts.get(user.id);
      if (!account) throw new NotFoundException('No such person');
      await this.forums.addOrganizer(
        this.actingInviter(invitation),
        invitation.forumId,
        account.email,
        language,
      );
    }
  }

  /** The organizer who made the invitation, acting as they are now: one no longer organizing grants nothing. */
  private actingInviter(invitation: InvitationRecord): AuthenticatedUser {
    const account = this.accounts.get(invitation.createdById);
    if (!account) throw new GoneException('This invitation’s organizer no longer has an account');
    return {
      ...account,
      sessionId: `invitation:${invitation._id}`,
      expiresAt: Number.MAX_SAFE_INTEGER,
    };
  }

  private async byToken(token: string): Promise<InvitationRecord> {
    const [id] = token.split('.');
    if (!id || !Types.ObjectId.isValid(id)) throw new NotFoundException(NO_INVITATION);
    const record = this.store.get(id) ?? (await this.store.reload(id));
    if (!record || !timingSafeEqual(sha256(token), Buffer.from(record.tokenHash, 'base64url')))
      throw new NotFoundException(NO_INVITATION);
    return record;
  }

  /**
   * The link's token: the invitation's id and a keyed hash of it, so organizers can copy the link again
   * later while the database keeps only the token's hash.
   */
  private tokenOf(id: string): string {
    return `${id}.${createHmac('sha256', this.tokenKey).update(`invitation:${id}`).digest('base64url')}`;
  }

  private linkOf(id: string): string {
    return this.mailer.page(`${INVITE_PAGE}${this.tokenOf(id)}`);
  }

  private sameClientId(known: InvitationRecord, forumId: string): Invitation {
    if (known.forumId !== forumId)
      throw new ConflictException('This clientId was used for an invitation to another forum');
    return this.view(known);
  }

  private view(record: InvitationRecord): Invitation {
    return {
      id: record._id,
      forumId: record.forumId,
      role: record.role,
      roomIds: record.roomIds,
      expiresAt: record.expiresAt.toISOString(),
      maxUses: record.maxUses,
      email: record.email,
      status: invitationStatus(record),
      link: this.linkOf(record._id),
      createdAt: record.createdAt.toISOString(),
      createdBy: { id: record.createdById, displayName: record.createdByName },
      revokedAt: record.revokedAt?.toISOString() ?? null,
      uses: record.uses.map((use) => ({
        person: { id: use.userId, displayName: this.accounts.get(use.userId)?.displayName ?? '' },
        at: use.at.toISOString(),
      })),
    };
  }

  private previewOf(record: InvitationRecord, language: RequestLanguage): InvitationPreview {
    const forum = this.forumsStore.forum(record.forumId);
    if (!forum) throw new NotFoundException(NO_INVITATION);
    return {
      forum: { id: record.forumId, slug: forum.slug, title: inLanguage(forum.title, language) },
      role: record.role,
      rooms: record.roomIds.flatMap((roomId) => {
        const room = this.forumsStore.room(roomId);
        return room ? [{ id: roomId, title: inLanguage(room.title, language) }] : [];
      }),
      expiresAt: record.expiresAt.toISOString(),
      status: invitationStatus(record),
    };
  }

  /** Answers at once; a mail server that is slow or down must not hold up the organizer. */
  private sendInBackground(record: InvitationRecord, language: RequestLanguage): void {
    const preview = this.previewOf(record, language);
    const message = invitationMail(language, {
      to: record.email as string,
      url: this.linkOf(record._id),
      forumTitle: preview.forum.title,
      inviterName: record.createdByName,
      role: record.role,
      roomTitles: preview.rooms.map((room) => room.title),
      expiresAt: record.expiresAt,
    });
    this.mailer
      .send(message)
      .catch((error: unknown) =>
        this.logger.error(`Could not send an invitation: ${error instanceof Error ? error.message : error}`),
      );
  }
}
