import type { Initiative, RoomEvent } from '@helix/contract';
import { QueryClient } from '@tanstack/react-query';
import { applyInitiativeEvent, upsertInitiative } from './initiative-cache';
import { initiativeKeys } from './query-keys';

const user = { id: 'u1', displayName: 'Anna', organization: 'TSU', stakeholderGroup: 'university' as const };

const initiative = (overrides: Partial<Initiative> = {}): Initiative => ({
  id: 'i1',
  title: 'Joint lab',
  summary: 'A lab',
  roomId: 'r1',
  proposer: user,
  partners: [
    {
      organization: 'TSU',
      stakeholderGroup: 'university',
      status: 'confirmed',
      respondedBy: user,
      respondedAt: '2026-05-20T10:00:00.000Z',
    },
  ],
  joint: false,
  status: 'voting',
  rule: { quorum: 3, minGroups: 3, groupThreshold: 0.6, maxBlocks: 0 },
  ruleText: '',
  closesAt: null,
  openedAt: null,
  closedAt: null,
  tally: { total: 0, byGroup: {} },
  consensus: { reached: false, unmet: [], conditions: [] },
  objections: [],
  myVote: null,
  source: null,
  createdAt: '2026-05-20T10:00:00.000Z',
  ...overrides,
});

const event = (payload: Initiative, seq = 1): RoomEvent =>
  ({ roomId: 'r1', seq, type: 'initiative.updated', payload, at: '2026-05-20T10:00:00.000Z' }) as RoomEvent;

describe('initiative cache', () => {
  let client: QueryClient;
  beforeEach(() => {
    client = new QueryClient();
  });

  it('keeps the viewer’s own vote when an event (which carries none) updates the detail', () => {
    client.setQueryData(
      initiativeKeys.detail('i1'),
      initiative({ myVote: { position: 'agree', reason: null } }),
    );
    applyInitiativeEvent(client, event(initiative({ tally: { total: 2, byGroup: {} } })));
    expect(client.getQueryData<Initiative>(initiativeKeys.detail('i1'))).toMatchObject({
      tally: { total: 2 },
      myVote: { position: 'agree', reason: null },
    });
  });

  it('takes myVote from the viewer’s own answers', () => {
    client.setQueryData(
      initiativeKeys.detail('i1'),
      initiative({ myVote: { position: 'block', reason: 'no' } }),
    );
    upsertInitiative(client, initiative({ myVote: { position: 'agree', reason: null } }), 'answer');
    expect(client.getQueryData<Initiative>(initiativeKeys.detail('i1'))?.myVote?.position).toBe('agree');
  });

  it('does not create a detail from an event, since the viewer’s vote would be unknown', () => {
    applyInitiativeEvent(client, event(initiative()));
    expect(client.getQueryData(initiativeKeys.detail('i1'))).toBeUndefined();
  });

  it('updates board lists in place, drops it from lists it left, and reloads lists it joined', () => {
    const voting = initiativeKeys.list({ status: 'voting' });
    const adopted = initiativeKeys.list({ status: 'adopted' });
    client.setQueryData(voting, [initiative({ myVote: { position: 'agree', reason: null } })]);
    client.setQueryData(adopted, []);
    const invalidate = jest.spyOn(client, 'invalidateQueries');

    applyInitiativeEvent(client, event(initiative({ tally: { total: 1, byGroup: {} } })));
    expect(client.getQueryData<Initiative[]>(voting)?.[0]).toMatchObject({
      tally: { total: 1 },
      myVote: { position: 'agree' },
    });
    expect(invalidate).not.toHaveBeenCalled();

    applyInitiativeEvent(client, event(initiative({ status: 'adopted' }), 2));
    expect(client.getQueryData<Initiative[]>(voting)).toEqual([]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: initiativeKeys.lists() });
  });

  it('drops a withdrawn draft from every list, the unfiltered board too, and reloads none', () => {
    const board = initiativeKeys.list({});
    const room = initiativeKeys.list({ roomId: 'r1' });
    const drafts = initiativeKeys.list({ status: 'draft' });
    for (const key of [board, room, drafts]) client.setQueryData(key, [initiative({ status: 'draft' })]);
    const invalidate = jest.spyOn(client, 'invalidateQueries');

    applyInitiativeEvent(client, event(initiative({ status: 'withdrawn' })));
    for (const key of [board, room, drafts]) expect(client.getQueryData<Initiative[]>(key)).toEqual([]);
    expect(invalidate).not.toHaveBeenCalled();
  });

  it('ignores other room events', () => {
    client.setQueryData(initiativeKeys.detail('i1'), initiative());
    applyInitiativeEvent(client, {
      ...event(initiative({ title: 'changed' })),
      type: 'poll.updated',
    } as RoomEvent);
    expect(client.getQueryData<Initiative>(initiativeKeys.detail('i1'))?.title).toBe('Joint lab');
  });
});
