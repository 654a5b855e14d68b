import { Injectable } from '@nestjs/common';
import type { OpinionGroup, StakeholderGroup, StatementResults } from '@helix/contract';
import {
  groupConsensus,
  opinionMap,
  representativeStatements,
  votingGroups,
  type VotedStatement,
} from './statement-math';
import type { StatementBallot } from './schemas/statement.schema';
import { StatementsStore, type StatementState } from './statements-store';

/**
 * How old a room's results may be while votes keep coming. The opinion map is a PCA and several k-means over
 * every vote of the room; computed per request, a hall of phones polling it would recompute it hundreds of
 * times a second. So it is computed at most once per interval, and not again while no vote changed.
 */
export const RESULTS_REFRESH_MS = 2_000;

interface Computed {
  results: StatementResults;
  /** The ballots each approved statement had, by identity: the store makes a new object on every change. */
  inputs: Array<Record<string, StatementBallot>>;
  statementIds: string[];
  at: number;
}

@Injectable()
export class StatementResultsService {
  private readonly computed = new Map<string, Computed>();

  constructor(private readonly store: StatementsStore) {}

  results(roomId: string): StatementResults {
    const approved = this.store.ofRoom(roomId).filter((state) => state.record.status === 'approved');
    const statementIds = approved.map((state) => state.record._id.toHexString());
    const inputs = statementIds.map((id) => this.store.ballotsOf(id));
    const known = this.computed.get(roomId);
    const unchanged =
      known !== undefined &&
      known.statementIds.length === statementIds.length &&
      statementIds.every(
        (id, index) => known.statementIds[index] === id && known.inputs[index] === inputs[index],
      );
    if (known && (unchanged || Date.now() - known.at < RESULTS_REFRESH_MS)) return known.results;
    const results = this.compute(roomId, approved, inputs);
    this.computed.set(roomId, { results, inputs, statementIds, at: Date.now() });
    return results;
  }

  private compute(
    roomId: string,
    approved: StatementState[],
    inputs: Array<Record<string, StatementBallot>>,
  ): StatementResults {
    const statements: VotedStatement[] = approved.map((state, index) => ({
      id: state.record._id.toHexString(),
      votes: Object.entries(inputs[index]).map(([voterId, ballot]) => ({
        voterId,
        group: ballot.group,
        vote: ballot.vote,
      })),
    }));
    const byId = new Map(approved.map((state) => [state.record._id.toHexString(), state]));
    const textOf = (id: string): string => byId.get(id)?.record.text ?? '';
    const map = opinionMap(statements);
    const representative = map ? representativeStatements(statements, map) : [];
    const voters = new Set(statements.flatMap((statement) => statement.votes.map((vote) => vote.voterId)));
    return {
      roomId,
      participants: voters.size,
      votes: statements.reduce((sum, statement) => sum + statement.votes.length, 0),
      consensus: groupConsensus(statements, votingGroups(statements)).map((entry) => {
        const state = byId.get(entry.id);
        return {
          ...entry,
          text: textOf(entry.id),
          votes: state ? this.store.votesOf(state) : { agree: 0, disagree: 0, pass: 0 },
        };
      }),
      opinion: map && {
        placed: map.participants.length,
        silhouette: map.silhouette,
        groups: representative.map((statementsOfGroup, index): OpinionGroup => {
          const members = map.participants.filter((participant) => participant.cluster === index);
          const byStakeholderGroup: Partial<Record<StakeholderGroup, number>> = {};
          for (const member of members)
            byStakeholderGroup[member.group] = (byStakeholderGroup[member.group] ?? 0) + 1;
          return {
            index,
            size: members.length,
            byStakeholderGroup,
            representative: statementsOfGroup.map((entry) => ({ ...entry, text: textOf(entry.id) })),
          };
        }),
        points: map.participants.map((participant) => ({
          x: participant.x,
          y: participant.y,
          group: participant.cluster,
          stakeholderGroup: participant.group,
        })),
      },
      computedAt: new Date().toISOString(),
    };
  }
}
