import { toPublicUser, type AuthenticatedUser } from '@helix/api/core';
import type { Partner, PublicUser, StakeholderGroup } from '@helix/contract';
import type { InitiativeRecord, PartnerRecord } from './schemas/initiative.schema';

/** Organisations are matched as people type them: case, spaces around and doubled spaces aside. */
const organizationKey = (organization: string): string =>
  organization.trim().replace(/\s+/g, ' ').toLowerCase();

const partnerKey = (partner: { organization: string; stakeholderGroup: StakeholderGroup }): string =>
  `${organizationKey(partner.organization)}|${partner.stakeholderGroup}`;

/**
 * The partner list for the proposer's request: their own organisation first, confirmed by proposing; then
 * each requested partner once, keeping its answer when it was already on the list, else invited.
 */
export function partnersFor(
  proposer: AuthenticatedUser,
  requested: Partner[],
  previous: PartnerRecord[] = [],
): PartnerRecord[] {
  const own: PartnerRecord = previous[0] ?? {
    organization: proposer.organization,
    stakeholderGroup: proposer.stakeholderGroup,
    status: 'confirmed',
    respondedBy: toPublicUser(proposer),
    respondedAt: new Date(),
  };
  const known = new Map(previous.map((partner) => [partnerKey(partner), partner]));
  const seen = new Set([partnerKey(own)]);
  const others = requested.flatMap((partner): PartnerRecord[] => {
    const key = partnerKey(partner);
    if (seen.has(key)) return [];
    seen.add(key);
    return [known.get(key) ?? { ...partner, status: 'invited', respondedBy: null, respondedAt: null }];
  });
  return [own, ...others];
}

/** Where on the list the person's own organisation and group are (-1: not a partner). */
export const partnerIndexOf = (partners: PartnerRecord[], person: PublicUser): number =>
  partners.findIndex((partner) => partnerKey(partner) === partnerKey(person));

/** Whether an organisation besides the proposer's confirmed: else the initiative is the proposer's alone. */
export const isJoint = (partners: PartnerRecord[]): boolean =>
  partners.some((partner, index) => index > 0 && partner.status === 'confirmed');

/** Partners stored before invitations existed: the proposer's own confirmed, every other one invited. */
export function withPartnerAnswers(record: InitiativeRecord): InitiativeRecord {
  if (record.partners.every((partner) => partner.status)) return record;
  return {
    ...record,
    partners: record.partners.map((partner, index) =>
      partner.status
        ? partner
        : index === 0
          ? { ...partner, status: 'confirmed', respondedBy: record.proposer, respondedAt: record.createdAt }
          : { ...partner, status: 'invited', respondedBy: null, respondedAt: null },
    ),
  };
}
