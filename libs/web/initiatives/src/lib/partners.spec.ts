import type { Initiative, InitiativePartner } from '@helix/contract';
import { confirmedPartners, invitationFor } from './partners';

const partner = (
  organization: string,
  status: InitiativePartner['status'],
  group = 'business',
): InitiativePartner => ({
  organization,
  stakeholderGroup: group as InitiativePartner['stakeholderGroup'],
  status,
  respondedBy: null,
  respondedAt: null,
});

const initiative = (status: Initiative['status']): Pick<Initiative, 'partners' | 'status'> => ({
  status,
  partners: [
    partner('Tomsk State University', 'confirmed', 'university'),
    partner('Gazprom Neft', 'invited'),
  ],
});

describe('invitationFor', () => {
  it('finds the invitation of the person’s organisation and group, as typed in any case and spacing', () => {
    expect(
      invitationFor(initiative('draft'), { organization: '  gazprom   NEFT ', stakeholderGroup: 'business' }),
    ).toMatchObject({ index: 1, partner: { organization: 'Gazprom Neft' } });
  });

  it('offers nothing to another group, another organisation, the proposer’s own, or after voting closed', () => {
    expect(
      invitationFor(initiative('voting'), { organization: 'Gazprom Neft', stakeholderGroup: 'government' }),
    ).toBeNull();
    expect(
      invitationFor(initiative('voting'), { organization: 'Sibur', stakeholderGroup: 'business' }),
    ).toBeNull();
    expect(
      invitationFor(initiative('draft'), {
        organization: 'Tomsk State University',
        stakeholderGroup: 'university',
      }),
    ).toBeNull();
    expect(
      invitationFor(initiative('adopted'), { organization: 'Gazprom Neft', stakeholderGroup: 'business' }),
    ).toBeNull();
    expect(invitationFor(initiative('draft'), undefined)).toBeNull();
  });
});

describe('confirmedPartners', () => {
  it('keeps only the partners who accepted', () => {
    expect(
      confirmedPartners([partner('A', 'confirmed'), partner('B', 'invited'), partner('C', 'declined')]).map(
        (item) => item.organization,
      ),
    ).toEqual(['A']);
  });
});
