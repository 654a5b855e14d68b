import type { AuthResponse, StakeholderGroup } from '@helix/contract';

export interface RosterAccount {
  id: string;
  email: string;
  displayName: string;
  organization: string;
  stakeholderGroup: StakeholderGroup;
}

export type ImportedPerson = Omit<RosterAccount, 'id'>;

/**
 * What the roster needs of accounts, which the accounts feature owns; the app wires that feature's
 * implementation in (RosterModule.forRoot), so neither feature imports the other.
 */
export abstract class RosterAccounts {
  /** From memory. */
  abstract get(id: string): RosterAccount | undefined;
  /** From memory: the account that has this (lower-case) e-mail. */
  abstract findByEmail(email: string): RosterAccount | undefined;
  /**
   * Creates the accounts of new e-mails (without a password: they sign in by link) and sets name,
   * organization and group of the others, keeping their passwords and roles; answers the accounts' ids
   * in the order given.
   */
  abstract importPeople(
    people: ImportedPerson[],
  ): Promise<{ ids: string[]; created: number; updated: number }>;
  /** Starts a session for the account, as a sign-in would. */
  abstract signIn(id: string): Promise<{ auth: AuthResponse; sessionId: string }>;
  /** False when the session is not this account's (or is unknown). */
  abstract endSession(id: string, sessionId: string): Promise<boolean>;
}
