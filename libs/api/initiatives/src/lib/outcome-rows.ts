import { STAKEHOLDER_GROUPS, VOTE_POSITIONS, type Initiative } from '@helix/contract';

/** The forum's outcome: one row per adopted initiative with partners and its frozen tally. */
export function outcomeRows(initiatives: Initiative[]): unknown[][] {
  const groupColumns = STAKEHOLDER_GROUPS.flatMap((group) =>
    VOTE_POSITIONS.map((position) => `${group} ${position}`),
  );
  const header = ['title', 'partners', 'closed at', 'votes', ...VOTE_POSITIONS, ...groupColumns];
  const rows = initiatives.map((initiative) => {
    const totals = VOTE_POSITIONS.map((position) =>
      Object.values(initiative.tally.byGroup).reduce((sum, counts) => sum + (counts?.[position] ?? 0), 0),
    );
    return [
      initiative.title,
      initiative.partners
        .map((partner) => `${partner.organization} (${partner.stakeholderGroup})`)
        .join('; '),
      initiative.closedAt ?? '',
      initiative.tally.total,
      ...totals,
      ...STAKEHOLDER_GROUPS.flatMap((group) =>
        VOTE_POSITIONS.map((position) => initiative.tally.byGroup[group]?.[position] ?? 0),
      ),
    ];
  });
  return [header, ...rows];
}
