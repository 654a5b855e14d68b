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
