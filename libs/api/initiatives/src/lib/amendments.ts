import type { Amendment, DiffPart, Partner, VotePosition } from '@helix/contract';
import { diffWords } from 'diff';
import type {
  AmendmentRecord,
  InitiativeRecord,
  InitiativeText,
  InitiativeVote,
} from './schemas/initiative.schema';

type AmendmentDiff = Amendment['diff'];

/** Diffs are worked out once per stored state of an amendment: a write replaces the object, and with it this entry. */
const diffs = new WeakMap<AmendmentRecord, AmendmentDiff>();

export const textOf = (record: InitiativeRecord): InitiativeText => ({
  title: record.title,
  summary: record.summary,
  // The invited ones: the proposer's own organisation is first on every version.
  partners: record.partners
    .slice(1)
    .map(({ organization, stakeholderGroup }) => ({ organization, stakeholderGroup })),
});

const partnersText = (partners: Partner[]): string =>
  partners.map((partner) => `${partner.organization} (${partner.stakeholderGroup})`).join('; ');

const wordDiff = (before: string, after: string): DiffPart[] =>
  diffWords(before, after).map((part) => ({
    value: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));

/** Word by word, the fields the amendment changes: against the text it replaced once accepted, else the current one. */
function diffOf(amendment: AmendmentRecord, current: InitiativeText): AmendmentDiff {
  const known = diffs.get(amendment);
  if (known) return known;
  const before = amendment.previous ?? current;
  const diff: AmendmentDiff = [];
  if (amendment.title !== null) diff.push({ field: 'title', parts: wordDiff(before.title, amendment.title) });
  if (amendment.summary !== null)
    diff.push({ field: 'summary', parts: wordDiff(before.summary, amendment.summary) });
  if (amendment.partners !== null)
    diff.push({
      field: 'partners',
      parts: wordDiff(partnersText(before.partners), partnersText(amendment.partners)),
    });
  // A proposed amendment's diff is against a text that may still change; only an answered one is kept.
  if (amendment.status !== 'proposed') diffs.set(amendment, diff);
  return diff;
}

const stillObjects = (from: 'disagree' | 'block', to: VotePosition): boolean =>
  from === 'block' ? to === 'block' : to === 'block' || to === 'disagree';

/**
 * The answered objections whose voter, in their first vote after the amendment was accepted, no longer
 * objects as they did: a block that became anything else, a disagreement that became consent or abstention.
 */
function clearedBy(amendment: AmendmentRecord, history: InitiativeVote[]): Amendment['cleared'] {
  const acceptedAt = amendment.answeredAt;
  if (amendment.status !== 'accepted' || !acceptedAt) return [];
  return amendment.answers.flatMap((answer) => {
    const next = history.find((vote) => vote.user.id === answer.user.id && vote.at > acceptedAt);
    if (!next || stillObjects(answer.position, next.position)) return [];
    return [{ user: answer.user, from: answer.position, to: next.position, at: next.at.toISOString() }];
  });
}

export function toAmendment(
  initiative: InitiativeRecord & { history: InitiativeVote[] },
  amendment: AmendmentRecord,
  number: number,
): Amendment {
  return {
    id: amendment.id,
    number,
    initiativeId: initiative._id.toHexString(),
    proposer: amendment.proposer,
    status: amendment.status,
    rationale: amendment.rationale,
    answers: amendment.answers,
    diff: diffOf(amendment, textOf(initiative)),
    createdAt: amendment.createdAt.toISOString(),
    answeredAt: amendment.answeredAt?.toISOString() ?? null,
    answerReason: amendment.answerReason,
    revision: amendment.revision,
    cleared: clearedBy(amendment, initiative.history),
  };
}
