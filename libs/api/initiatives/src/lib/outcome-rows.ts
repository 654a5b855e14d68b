import { STAKEHOLDER_GROUPS, VOTE_POSITIONS, type Initiative } from '@helix/contract';

/**
 * The forum's outcome: one row per adopted initiative with its confirmed partners (an invitation nobody of the
 * organisation accepted names no one) and its frozen tally; the last column says whether organisations besides
 * the proposer's stand behind it.
 */
export function outcomeRows(initiatives: Initiative[]): unknown[][] {
  const groupColumns = STAKEHOLDER_GROUPS.flatMap((group) =>
    VOTE_POSITIONS.map((position) => `${group} ${position}`),
  );
  const header = [
    'title',
    'partners',
    'closed at',
    'votes',
    ...VOTE_POSITIONS,
    ...groupColumns,
    'partnership',
    'amendments',
  ];
  const rows = initiatives.map((initiative) => {
    const totals = VOTE_POSITIONS.map((position) =>
      Object.values(initiative.tally.byGroup).reduce((sum, counts) => sum + (counts?.[position] ?? 0), 0),
    );
    return [
      initiative.title,
      initiative.partners
        .filter((partner) => partner.status === 'confirmed')
        .map((partner) => `${partner.organization} (${partner.stakeholderGroup})`)
        .join('; '),
      initiative.closedAt ?? '',
      initiative.tally.total,
      ...totals,
      ...STAKEHOLDER_GROUPS.flatMap((group) =>
        VOTE_POSITIONS.map((position) => initiative.tally.byGroup[group]?.[position] ?? 0),
      ),
      initiative.joint ? 'joint' : 'proposer only',
      amendmentStory(initiative),
    ];
  });
  return [header, ...rows];
}

/** Which accepted amendment made which version and whose objections it cleared, e.g. "amendment 1 → version 2: cleared the block of Oleg (business)". */
export const amendmentStory = (initiative: Initiative): string =>
  initiative.amendments
    .filter((amendment) => amendment.status === 'accepted')
    .map((amendment) => {
      const cleared = amendment.cleared
        .map(
          (entry) =>
            `cleared the ${entry.from} of ${entry.user.displayName} (${entry.user.stakeholderGroup})`,
        )
        .join(', ');
      return `amendment ${amendment.number} → version ${amendment.revision}${cleared ? `: ${cleared}` : ''}`;
    })
    .join('; ');
