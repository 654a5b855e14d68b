import { stakeholderGroupName, type Language } from '@helix/consensus';
import { STAKEHOLDER_GROUPS, VOTE_POSITIONS, type Initiative } from '@helix/contract';

/**
 * The forum's outcome: one row per adopted initiative with its title and summary, its confirmed partners (an
 * invitation nobody of the organisation accepted names no one), its frozen tally, whether organisations besides
 * the proposer's stand behind it, and the objections with their reasons, one per line: the texts behind the
 * numbers. Stakeholder groups are named as people read them, in the requester's language.
 */
export function outcomeRows(initiatives: Initiative[], language: Language): unknown[][] {
  const group = (name: Parameters<typeof stakeholderGroupName>[0]) => stakeholderGroupName(name, language);
  const groupColumns = STAKEHOLDER_GROUPS.flatMap((name) =>
    VOTE_POSITIONS.map((position) => `${group(name)} ${position}`),
  );
  const header = [
    'title',
    'summary',
    'partners',
    'closed at',
    'votes',
    ...VOTE_POSITIONS,
    ...groupColumns,
    'partnership',
    'objections',
    'amendments',
  ];
  const rows = initiatives.map((initiative) => {
    const totals = VOTE_POSITIONS.map((position) =>
      Object.values(initiative.tally.byGroup).reduce((sum, counts) => sum + (counts?.[position] ?? 0), 0),
    );
    return [
      initiative.title,
      initiative.summary,
      initiative.partners
        .filter((partner) => partner.status === 'confirmed')
        .map((partner) => `${partner.organization} (${group(partner.stakeholderGroup)})`)
        .join('; '),
      initiative.closedAt ?? '',
      initiative.tally.total,
      ...totals,
      ...STAKEHOLDER_GROUPS.flatMap((name) =>
        VOTE_POSITIONS.map((position) => initiative.tally.byGroup[name]?.[position] ?? 0),
      ),
      initiative.joint ? 'joint' : 'proposer only',
      initiative.objections
        .map(
          ({ user, position, reason }) =>
            `${user.displayName} (${user.organization}, ${group(user.stakeholderGroup)}), ${position}: ${reason}`,
        )
        .join('\n'),
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
