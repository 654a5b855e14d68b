import { Schema, type Model } from 'mongoose';
import { isDuplicateKeyError } from '../database/database-errors';
import { GroupCommit } from './group-commit';

/**
 * How many documents a poll's or an initiative's ballots are spread over. On the embedded database an update
 * costs about as much as parsing and writing its whole document: 1,000 ballots in one document made a vote
 * about 100 ms, 64 in a bucket about 12 ms (docs/adr/0001-forum-scale.md, point 10).
 */
export const BALLOT_BUCKETS = 16;

/** One bucket of a subject's ballots, keyed by voter; `open` is what a ballot's update requires. */
export interface BallotBucket<B> {
  _id: string;
  subjectId: string;
  open: boolean;
  ballots: Record<string, B>;
  /** Every ballot cast into this bucket, in order, when the box keeps history. */
  history: B[];
  version: number;
}

/** The collection of one feature's ballot buckets. */
export function ballotBucketSchema(collection: string): Schema {
  return new Schema(
    {
      _id: { type: String },
      subjectId: { type: String, required: true },
      open: { type: Boolean, required: true },
      ballots: { type: Object, default: {} },
      history: { type: [Object], default: [] },
      version: { type: Number, required: true },
    },
    { collection, versionKey: false, minimize: false },
  );
}

/**
 * The bucket a voter's ballots go to, always the same one, so a changed ballot replaces the earlier one.
 * FNV-1a of the voter id; bench/aged/third-day.mjs computes the same to write a forum's ballots directly.
 */
export function ballotBucketOf(subjectId: string, voterId: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < voterId.length; index += 1) {
    hash ^= voterId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${subjectId}:${hash % BALLOT_BUCKETS}`;
}

/** The `_id`s of a subject's ballot buckets, `${subjectId}:0` to `:15`. */
export const bucketIdsOf = (subjectId: string): string[] =>
  Array.from({ length: BALLOT_BUCKETS }, (_, index) => `${subjectId}:${index}`);

/** Writes of a bucket by other instances in a row before a rewrite of it gives up. */
const MAX_REWRITE_ATTEMPTS = 5;

interface Cast<B> {
  voterId: string;
  ballot: B;
}

interface Subject<B> {
  buckets: Map<string, BallotBucket<B>>;
  /** The ballots of every bucket together, made again after a bucket changed. */
  merged?: { ballots: Record<string, B>; history: B[] };
}

/**
 * The ballots of polls or initiatives, spread over a few bucket documents per subject and all held in
 * memory. A ballot is one update of its voter's bucket that requires the bucket open; closing freezes every
 * bucket (`open: false`) between ballot batches, so a ballot either reached an open bucket and is in what
 * the close counts, or it reached none and is refused. On MongoDB each of those updates is atomic; on the
 * embedded database one instance never overlaps two writes of a bucket (GroupCommit).
 */
export class BallotBox<B extends { at: Date }> {
  private readonly subjects = new Map<string, Subject<B>>();
  private readonly casts = new GroupCommit<Cast<B>, boolean>((bucketId, casts) =>
    this.storeCasts(bucketId, casts),
  );

  constructor(
    private readonly model: Model<BallotBucket<B>>,
    private readonly keepHistory: boolean,
  ) {}

  /**
   * Makes the subject's buckets, open, before the subject itself says voting is open, so that no ballot
   * finds none. Again after a crash between the two is harmless.
   */
  async open(subjectId: string): Promise<void> {
    const buckets = bucketIdsOf(subjectId).map((_id): BallotBucket<B> => ({
      _id,
      subjectId,
      open: true,
      ballots: {},
      history: [],
      version: 1,
    }));
    try {
      await this.model.collection.insertMany(buckets as never[], { ordered: false });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    await this.reload(subjectId);
    if (this.subjects.get(subjectId)?.buckets.size !== BALLOT_BUCKETS)
      throw new Error(`ballot buckets of ${subjectId} are missing after opening`);
  }

  /** Stores (or replaces) a voter's ballot; false when the subject's buckets are frozen. */
  cast(subjectId: string, voterId: string, ballot: B): Promise<boolean> {
    return this.casts.add(ballotBucketOf(subjectId, voterId), { voterId, ballot });
  }

  /** Freezes every bucket of the subject and answers its ballots as frozen. Again is harmless. */
  async freeze(subjectId: string): Promise<Record<string, B>> {
    await Promise.all(
      bucketIdsOf(subjectId).map((bucketId) =>
        this.casts.exclusive(bucketId, async () => {
          const frozen = await this.model
            .findOneAndUpdate(
              { _id: bucketId },
              { $set: { open: false }, $inc: { version: 1 } },
              { new: true },
            )
            .lean<BallotBucket<B>>()
            .exec();
          if (frozen) this.put(frozen);
        }),
      ),
    );
    return this.ballotsOf(subjectId);
  }

  /**
   * Rewrites what one voter's ballots say (a deleted account's name), open or frozen, without it counting as
   * a vote: their current ballot and each of theirs in the history. The write expects the bucket as read, so
   * a ballot another instance stored meanwhile is read again and kept.
   */
  async rewrite(subjectId: string, voterId: string, rewrite: (ballot: B) => B): Promise<void> {
    const bucketId = ballotBucketOf(subjectId, voterId);
    await this.casts.exclusive(bucketId, async () => {
      for (let attempt = 0; attempt < MAX_REWRITE_ATTEMPTS; attempt += 1) {
        const bucket = this.subjects.get(subjectId)?.buckets.get(bucketId);
        if (!bucket) return;
        const ballot = bucket.ballots[voterId];
        const history = (bucket.history ?? []).map(rewrite);
        const set: Record<string, unknown> = {};
        const rewritten = ballot && rewrite(ballot);
        if (rewritten !== ballot) set[`ballots.${voterId}`] = rewritten;
        if (history.some((entry, index) => entry !== bucket.history[index])) set['history'] = history;
        if (!Object.keys(set).length) return;
        const stored = await this.model
          .findOneAndUpdate(
            { _id: bucketId, version: bucket.version },
            { $set: set, $inc: { version: 1 } },
            { new: true },
          )
          .lean<BallotBucket<B>>()
          .exec();
        if (stored) {
          this.put(stored);
          return;
        }
        await this.reloadBucket(bucketId);
      }
      throw new Error(`the ballots of ${voterId} in ${bucketId} kept changing while being rewritten`);
    });
  }

  /** The subject's current ballots, by voter. */
  ballotsOf(subjectId: string): Record<string, B> {
    return this.mergedOf(subjectId).ballots;
  }

  /** Every ballot cast on the subject, oldest first (when the box keeps history). */
  historyOf(subjectId: string): B[] {
    return this.mergedOf(subjectId).history;
  }

  /** Reads the subject's buckets again by `_id`, after another instance changed them. */
  async reload(subjectId: string): Promise<void> {
    await Promise.all(bucketIdsOf(subjectId).map((bucketId) => this.reloadBucket(bucketId)));
  }

  /** Every bucket, once at boot. */
  async load(): Promise<void> {
    for await (const bucket of this.model.find().lean<BallotBucket<B>>().cursor({ batchSize: 100 }))
      this.put(bucket);
  }

  private async storeCasts(bucketId: string, casts: Array<Cast<B>>): Promise<boolean[]> {
    const ballots = Object.fromEntries(casts.map(({ voterId, ballot }) => [`ballots.${voterId}`, ballot]));
    const stored = await this.model
      .findOneAndUpdate(
        { _id: bucketId, open: true },
        {
          $set: ballots,
          $inc: { version: 1 },
          ...(this.keepHistory ? { $push: { history: { $each: casts.map((cast) => cast.ballot) } } } : {}),
        },
        { new: true },
      )
      .lean<BallotBucket<B>>()
      .exec();
    if (stored) this.put(stored);
    else await this.reloadBucket(bucketId);
    return casts.map(() => stored !== null);
  }

  private async reloadBucket(bucketId: string): Promise<void> {
    const bucket = await this.model.findById(bucketId).lean<BallotBucket<B>>().exec();
    if (bucket) this.put(bucket);
  }

  /** Applies a stored bucket, unless a newer one is already here. */
  private put(bucket: BallotBucket<B>): void {
    let subject = this.subjects.get(bucket.subjectId);
    if (!subject) {
      subject = { buckets: new Map() };
      this.subjects.set(bucket.subjectId, subject);
    }
    const known = subject.buckets.get(bucket._id);
    if (known && known.version >= bucket.version) return;
    subject.buckets.set(bucket._id, bucket);
    subject.merged = undefined;
  }

  private mergedOf(subjectId: string): { ballots: Record<string, B>; history: B[] } {
    const subject = this.subjects.get(subjectId);
    if (!subject) return { ballots: {}, history: [] };
    if (!subject.merged) {
      const buckets = [...subject.buckets.values()];
      subject.merged = {
        ballots: Object.assign({}, ...buckets.map((bucket) => bucket.ballots)) as Record<string, B>,
        history: buckets
          .flatMap((bucket) => bucket.history ?? [])
          .sort((a, b) => a.at.getTime() - b.at.getTime()),
      };
    }
    return subject.merged;
  }
}
