import { Types } from 'mongoose';
import type { PublicUser } from '@helix/contract';
import { renamePerson } from './personal-data';

const former: PublicUser = {
  id: 'dan',
  displayName: 'Former participant',
  organization: '',
  stakeholderGroup: 'business',
  former: true,
};
const dan = { id: 'dan', displayName: 'Dan', organization: 'Leaving Ltd', stakeholderGroup: 'university' };
const eve = { id: 'eve', displayName: 'Eve', organization: 'City', stakeholderGroup: 'government' };

describe('renamePerson', () => {
  it('renames the person at any depth, keeping the group each record names', () => {
    const at = new Date('2026-12-03T10:00:00Z');
    const _id = new Types.ObjectId();
    const record = {
      _id,
      proposer: dan,
      pledges: [
        {
          updates: [
            { by: dan, at },
            { by: eve, at },
          ],
        },
      ],
    };
    const renamed = renamePerson(record, 'dan', former);
    expect(renamed).toEqual({
      _id,
      proposer: { ...former, stakeholderGroup: 'university' },
      pledges: [
        {
          updates: [
            { by: { ...former, stakeholderGroup: 'university' }, at },
            { by: eve, at },
          ],
        },
      ],
    });
    expect(renamed._id).toBe(_id);
    expect(renamed.pledges[0].updates[0].at).toBe(at);
    expect(renamed.pledges[0].updates[1]).toBe(record.pledges[0].updates[1]);
    expect(record.proposer).toBe(dan);
  });

  it('answers the same value when the person is not in it, so callers can tell nothing changed', () => {
    const record = { proposer: eve, votes: { eve: { user: eve } }, tags: ['dan'], note: { id: 'dan' } };
    expect(renamePerson(record, 'dan', former)).toBe(record);
  });
});
