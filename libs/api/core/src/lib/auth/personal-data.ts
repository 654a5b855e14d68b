import { Injectable } from '@nestjs/common';
import type { PublicUser } from '@helix/contract';
import type { AuthenticatedUser } from './authenticated-user';

/** A feature's records of one person, by section name (`messages`, `pollBallots`), for their export. */
export type PersonalDataSections = Record<string, Record<string, unknown>[]>;

/**
 * What a feature does for a person who takes their data or leaves. The accounts feature cannot know
 * messages, ballots or questions (features do not import each other), so each registers its part when its
 * module starts, as features register their forum parts.
 */
export interface PersonalDataPart {
  /** What the person did, found in the feature's read model (memory, not the database). */
  exportOf(userId: string): PersonalDataSections | Promise<PersonalDataSections>;
  /**
   * The account is being deleted: what the person wrote stays where it is, under `former` as its author, so
   * threads and tallies stay whole; every instance must come to show the new author.
   */
  anonymise?(person: AuthenticatedUser, former: PublicUser): Promise<void>;
}

@Injectable()
export class PersonalData {
  private readonly parts: PersonalDataPart[] = [];

  register(part: PersonalDataPart): void {
    this.parts.push(part);
  }

  async exportOf(userId: string): Promise<PersonalDataSections> {
    const sections: PersonalDataSections = {};
    for (const part of this.parts) Object.assign(sections, await part.exportOf(userId));
    return sections;
  }

  async anonymise(person: AuthenticatedUser, former: PublicUser): Promise<void> {
    for (const part of this.parts) await part.anonymise?.(person, former);
  }
}

/**
 * `value` with every person object of `personId` in it (a `PublicUser`: an `id` and a `displayName`) replaced
 * by `former`, at any depth, keeping the group it names (a vote's group stays the one it was cast with); the
 * same value, not a copy, when there is none. Records embed who did what as they were then (a proposer, a
 * partner's answer, a pledge's update, an objection), so a deleted account is renamed where each one sits.
 */
export function renamePerson<T>(value: T, personId: string, former: PublicUser): T {
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => renamePerson(item, personId, former));
    return items.some((item, index) => item !== value[index]) ? (items as T) : value;
  }
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  const record = value as Record<string, unknown>;
  if (record['id'] === personId && typeof record['displayName'] === 'string')
    return { ...former, stakeholderGroup: record['stakeholderGroup'] ?? former.stakeholderGroup } as T;
  let changed = false;
  const renamed: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    renamed[key] = renamePerson(item, personId, former);
    changed ||= renamed[key] !== item;
  }
  return changed ? (renamed as T) : value;
}
