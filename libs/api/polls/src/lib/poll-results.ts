import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FreshCount } from '@helix/api/core';
import type { Model } from 'mongoose';
import { tallyBallots, type CountedBallot, type PollTally } from './poll-tally';
import { BallotRecord } from './schemas/ballot.schema';
import type { PollRecord } from './schemas/poll.schema';

/** Counts a poll's results from its stored ballots, never from counters that could drift. */
@Injectable()
export class PollResults {
  private readonly fresh = new FreshCount<PollTally>();

  constructor(@InjectModel(BallotRecord.name) private readonly ballots: Model<BallotRecord>) {}

  /** Called after a ballot is stored. */
  noteBallot(pollId: string): void {
    this.fresh.noteWrite(pollId);
  }

  /** Results including every ballot stored before the call; closed polls keep their frozen count. */
  tally(poll: PollRecord): Promise<PollTally> {
    if (poll.finalTally) return Promise.resolve(poll.finalTally);
    return this.fresh.get(poll._id.toHexString(), () => this.count(poll));
  }

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
}
