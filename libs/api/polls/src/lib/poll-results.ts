import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { tallyBallots, type CountedBallot, type PollTally } from './poll-tally';
import { BallotRecord } from './schemas/ballot.schema';
import type { PollRecord } from './schemas/poll.schema';

interface Count {
  /** The number of ballot writes this instance had finished when the count started. */
  writes: number;
  tally: Promise<PollTally>;
}

interface PollCounts {
  writes: number;
  latest?: Count;
  running?: Count;
  queued?: Promise<PollTally>;
}

/**
 * Counts a poll's results from its stored ballots, never from counters that could drift.
 *
 * A result includes every ballot written before it was asked for, yet a burst of votes does not cost
 * a count each: at most one count runs per poll, and everything asked meanwhile shares the one count
 * queued after it. So 2000 votes in a second cost about (burst time / count time) counts.
 */
@Injectable()
export class PollResults {
  private readonly polls = new Map<string, PollCounts>();

  constructor(@InjectModel(BallotRecord.name) private readonly ballots: Model<BallotRecord>) {}

  /** Called after a ballot is stored. */
  noteBallot(pollId: string): void {
    this.counts(pollId).writes += 1;
  }

  tally(poll: PollRecord): Promise<PollTally> {
    if (poll.finalTally) return Promise.resolve(poll.finalTally);
    const counts = this.counts(poll._id.toHexString());
    const needed = counts.writes;
    if (counts.latest && counts.latest.writes >= needed) return counts.latest.tally;
    if (!counts.running) return this.start(poll, counts).tally;
    if (counts.running.writes >= needed) return counts.running.tally;
    counts.queued ??= counts.running.tally
      .catch(() => undefined)
      .then(() => {
        counts.queued = undefined;
        return this.start(poll, counts).tally;
      });
    return counts.queued;
  }

  /** A count that reflects every ballot stored before the call (closing uses this). */
  async count(poll: PollRecord): Promise<PollTally> {
    const ballots = await this.ballots
      .find({ pollId: poll._id.toHexString() }, { group: 1, optionIds: 1, _id: 0 })
      .batchSize(10_000)
      .lean<CountedBallot[]>()
      .exec();
    return tallyBallots(
      poll.options.map((option) => option.id),
      ballots,
      poll.anonymous,
    );
  }

  private start(poll: PollRecord, counts: PollCounts): Count {
    const count: Count = { writes: counts.writes, tally: this.count(poll) };
    counts.running = count;
    count.tally.then(
      () => {
        if (!counts.latest || counts.latest.writes <= count.writes) counts.latest = count;
      },
      () => undefined,
    );
    void count.tally
      .catch(() => undefined)
      .then(() => {
        if (counts.running === count) counts.running = undefined;
      });
    return count;
  }

  private counts(pollId: string): PollCounts {
    let counts = this.polls.get(pollId);
    if (!counts) {
      counts = { writes: 0 };
      this.polls.set(pollId, counts);
    }
    return counts;
  }
}
