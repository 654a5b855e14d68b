import type { Role, StakeholderGroup } from '@helix/contract';

export interface PeopleAccount {
  id: string;
  email: string;
  displayName: string;
  organization: string;
  stakeholderGroup: StakeholderGroup;
  roles: Role[];
  moderatedRoomIds: string[];
  createdAt: Date;
  former?: true;
}

/**
 * What the directory needs of accounts, which the accounts feature owns; the app wires that feature's
 * implementation in (PeopleModule.forRoot), so neither feature imports the other.
 */
export abstract class PeopleAccounts {
  /** Every account, from memory. */
  abstract all(): PeopleAccount[];
  abstract get(id: string): PeopleAccount | undefined;
  /** `moderatedRoomIds` left out: the rooms stay as they are. */
  abstract setRoles(id: string, roles: Role[], moderatedRoomIds?: string[]): Promise<PeopleAccount>;
  abstract setGroup(id: string, group: StakeholderGroup): Promise<PeopleAccount>;
  abstract liveSessions(id: string): Promise<{ id: string; createdAt: Date }[]>;
  /** False when the session is not this account's. */
  abstract endSession(id: string, sessionId: string): Promise<boolean>;
}
