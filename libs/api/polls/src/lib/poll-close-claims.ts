import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { insertedFirst } from '@helix/api/core';
import { trusted, type Model } from 'mongoose';
import { PollCloseClaimRecord } from './schemas/poll-close-claim.schema';

/** How long a claim whose close never landed (its instance stopped in between) keeps others from closing. */
const STALE_CLAIM_MS = 30_000;

/** Which of several closes of one poll, on any instance, goes ahead: the one whose claim is stored first. */
@Injectable()
export class PollCloseClaims {
  constructor(@InjectModel(PollCloseClaimRecord.name) private readonly claims: Model<PollCloseClaimRecord>) {}

  /** True for the close that may go ahead; false while another close of the poll is under way or done. */
  async claim(pollId: string): Promise<boolean> {
    if (await this.insert(pollId)) return true;
    // A poll still open behind an old claim was left by a stopped instance: take its claim over, once.
    const stale = await this.claims
      .deleteOne({ _id: pollId, at: trusted({ $lt: new Date(Date.now() - STALE_CLAIM_MS) }) })
      .exec();
    return stale.deletedCount > 0 && this.insert(pollId);
  }

  private insert(pollId: string): Promise<boolean> {
    return insertedFirst(this.claims.collection, { _id: pollId, at: new Date() });
  }
}
