import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { isModerator, type AuthenticatedUser } from '@helix/api/core';
import { ForumsStore } from '@helix/api/forums';
import type {
  PeoplePage,
  PeopleSearch,
  Person,
  PersonSession,
  RoleChange,
  SetRolesRequest,
} from '@helix/contract';
import { PeopleAccounts, type PeopleAccount } from './people-accounts';
import { RoleChanges } from './role-changes';

const SEE_PEOPLE = 'Only admins, organizers and moderators may see the people directory';
const NO_PERSON = 'No such person';

const toPerson = (account: PeopleAccount): Person => ({
  ...account,
  createdAt: account.createdAt.toISOString(),
});

const folded = (text: string): string => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/** The people directory: search from memory, role changes with their log, and a person's sessions. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly accounts: PeopleAccounts,
    private readonly changes: RoleChanges,
    private readonly forums: ForumsStore,
  ) {}

  search(viewer: AuthenticatedUser, query: PeopleSearch): PeoplePage {
    this.assertCanSee(viewer);
    const words = folded(query.q ?? '')
      .split(/\s+/)
      .filter(Boolean);
    const organization = query.organization ? folded(query.organization) : null;
    const matching = this.accounts
      .all()
      .filter((account) => {
        if (query.group && account.stakeholderGroup !== query.group) return false;
        if (query.role && !account.roles.includes(query.role)) return false;
        if (organization && !folded(account.organization).includes(organization)) return false;
        const haystack = folded(`${account.displayName} ${account.organization} ${account.email}`);
        return words.every((word) => haystack.includes(word));
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'ru'));
    const page = matching.slice(query.offset, query.offset + query.limit);
    return { items: page.map(toPerson), total: matching.length };
  }

  person(viewer: AuthenticatedUser, id: string): Person {
    this.assertCanSee(viewer);
    return toPerson(this.account(id));
  }

  /**
   * Sets the person's forum-wide roles and, when given, the rooms they moderate (moderator of rooms), and
   * logs who changed them from what. Unknown rooms are refused before anything changes.
   */
  async setRoles(
    by: Pick<AuthenticatedUser, 'id' | 'displayName'>,
    id: string,
    change: SetRolesRequest,
    invitationId?: string,
  ): Promise<Person> {
    const before = this.account(id);
    const unknown = (change.moderatedRoomIds ?? []).filter((roomId) => !this.forums.room(roomId));
    if (unknown.length) throw new BadRequestException(`No such room: ${unknown.join(', ')}`);
    const after = await this.accounts.setRoles(id, change.roles, change.moderatedRoomIds);
    await this.changes.record({
      userId: id,
      byId: by.id,
      byName: by.displayName,
      from: before.roles,
      to: after.roles,
      fromRoomIds: before.moderatedRoomIds,
      toRoomIds: after.moderatedRoomIds,
      ...(invitationId ? { invitationId } : {}),
    });
    return toPerson(after);
  }

  roleChanges(viewer: AuthenticatedUser, id: string): RoleChange[] {
    this.assertCanSee(viewer);
    this.account(id);
    return this.changes.of(id);
  }

  async sessions(id: string): Promise<PersonSession[]> {
    this.account(id);
    const sessions = await this.accounts.liveSessions(id);
    return sessions.map((session) => ({ id: session.id, createdAt: session.createdAt.toISOString() }));
  }

  async endSession(id: string, sessionId: string): Promise<void> {
    this.account(id);
    if (!(await this.accounts.endSession(id, sessionId)))
      throw new NotFoundException('This person has no such signed-in session');
  }

  async endSessions(id: string): Promise<void> {
    for (const session of await this.sessions(id)) await this.accounts.endSession(id, session.id);
  }

  private account(id: string): PeopleAccount {
    const account = this.accounts.get(id);
    if (!account) throw new NotFoundException(NO_PERSON);
    return account;
  }

  private assertCanSee(viewer: AuthenticatedUser): void {
    const organizes = () => this.forums.forums().some((forum) => forum.organizerIds.includes(viewer.id));
    if (!isModerator(viewer) && !organizes()) throw new ForbiddenException(SEE_PEOPLE);
  }
}
