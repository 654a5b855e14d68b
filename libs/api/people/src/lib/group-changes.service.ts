import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { deterministicId, KeyedMutex, type AuthenticatedUser } from '@helix/api/core';
import { ForumsStore } from '@helix/api/forums';
import type { GroupChange, GroupChangeRequest, OwnGroupChanges } from '@helix/contract';
import { Types } from 'mongoose';
import type { GroupChangeRecord } from './group-change.schema';
import { GroupChanges } from './group-changes';
import { PeopleAccounts } from './people-accounts';

const DECIDE = 'Only admins and forum organizers decide group changes';
const NO_REQUEST = 'No such group change request';

/**
 * Moving to another stakeholder group. The group decides whose consensus a vote counts for, so a person
 * asks and an organizer decides; the account's group changes only on approval, and every ballot already
 * cast keeps the group it was cast with.
 */
@Injectable()
export class GroupChangesService {
  /** One person's request and its replacement, or two decisions of one request, never interleave here. */
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly changes: GroupChanges,
    private readonly accounts: PeopleAccounts,
    private readonly forums: ForumsStore,
  ) {}

  own(person: AuthenticatedUser): OwnGroupChanges {
    const history = this.changes.of(person.id).map((change) => this.view(change));
    return { pending: history.find((change) => change.status === 'pending') ?? null, history };
  }

  /** Asks to move; a request still waiting is replaced by this one. A re-sent `clientId` changes nothing. */
  request(person: AuthenticatedUser, request: GroupChangeRequest): Promise<GroupChange> {
    return this.mutex.run(person.id, async () => {
      const _id = request.clientId
        ? deterministicId('group-change', person.id, request.clientId)
        : new Types.ObjectId();
      const sent = this.changes.get(_id.toHexString());
      if (sent) return this.view(sent);
      const from = this.account(person.id).stakeholderGroup;
      if (request.group === from) throw new ConflictException('You are already in this stakeholder group');
      for (const waiting of this.changes.of(person.id).filter((change) => change.status === 'pending'))
        await this.changes.transition(waiting._id.toHexString(), 'pending', { status: 'replaced' });
      const record: GroupChangeRecord = {
        _id,
        userId: person.id,
        from,
        to: request.group,
        reason: request.reason ?? '',
        status: 'pending',
        requestedAt: new Date(),
        decidedAt: null,
        decidedBy: null,
      };
      await this.changes.insert(record);
      return this.view(record);
    });
  }

  pending(viewer: AuthenticatedUser): GroupChange[] {
    this.assertDecides(viewer);
    return this.changes.pending().map((change) => this.view(change));
  }

  /** Approves: the request is marked first, then the account moves (its sessions act in the new group). */
  approve(viewer: AuthenticatedUser, id: string): Promise<GroupChange> {
    return this.decide(viewer, id, 'approved', (change) =>
      this.accounts.setGroup(change.userId, change.to).then(() => undefined),
    );
  }

  decline(viewer: AuthenticatedUser, id: string): Promise<GroupChange> {
    return this.decide(viewer, id, 'declined');
  }

  /** The person's requests for their data export. */
  history(userId: string): GroupChange[] {
    return this.changes.of(userId).map((change) => this.view(change));
  }

  private decide(
    viewer: AuthenticatedUser,
    id: string,
    status: 'approved' | 'declined',
    after?: (change: GroupChangeRecord) => Promise<void>,
  ): Promise<GroupChange> {
    this.assertDecides(viewer);
    return this.mutex.run(id, async () => {
      const change = this.changes.get(id);
      if (!change) throw new NotFoundException(NO_REQUEST);
      const decided = await this.changes.transition(id, 'pending', {
        status,
        decidedAt: new Date(),
        decidedBy: { id: viewer.id, displayName: viewer.displayName },
      });
      if (!decided) throw new ConflictException('This request is no longer waiting for a decision');
      await after?.(change);
      return this.view(this.changes.get(id) ?? change);
    });
  }

  private view(change: GroupChangeRecord): GroupChange {
    const person = this.accounts.get(change.userId);
    return {
      id: change._id.toHexString(),
      person: {
        id: change.userId,
        displayName: person?.displayName ?? '',
        organization: person?.organization ?? '',
      },
      from: change.from,
      to: change.to,
      reason: change.reason,
      status: change.status,
      requestedAt: change.requestedAt.toISOString(),
      decidedAt: change.decidedAt?.toISOString() ?? null,
      decidedBy: change.decidedBy,
    };
  }

  private account(id: string) {
    const account = this.accounts.get(id);
    if (!account) throw new NotFoundException('No such person');
    return account;
  }

  private assertDecides(viewer: AuthenticatedUser): void {
    const organizes = () => this.forums.forums().some((forum) => forum.organizerIds.includes(viewer.id));
    if (!viewer.roles.includes('admin') && !organizes()) throw new ForbiddenException(DECIDE);
  }
}
