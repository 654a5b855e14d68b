import type { Initiative, InitiativePartner, PublicUser } from '@helix/contract';

/** Organisations match as people type them: case, spaces around and doubled spaces aside (as the API does). */
const organizationKey = (organization: string): string =>
  organization.trim().replace(/\s+/g, ' ').toLowerCase();

export interface Invitation {
  index: number;
  partner: InitiativePartner;
}

/**
 * The invitation `person` may answer for their organisation: a partner other than the proposer's own with
 * their organisation and stakeholder group, while the initiative is a draft or being voted on.
 */
export function invitationFor(
  initiative: Pick<Initiative, 'partners' | 'status'>,
  person: Pick<PublicUser, 'organization' | 'stakeholderGroup'> | undefined,
): Invitation | null {
  if (!person || (initiative.status !== 'draft' && initiative.status !== 'voting')) return null;
  const index = initiative.partners.findIndex(
    (partner, at) =>
      at > 0 &&
      partner.stakeholderGroup === person.stakeholderGroup &&
      organizationKey(partner.organization) === organizationKey(person.organization),
  );
  return index > 0 ? { index, partner: initiative.partners[index] } : null;
}

export const confirmedPartners = (partners: InitiativePartner[]): InitiativePartner[] =>
  partners.filter((partner) => partner.status === 'confirmed');
