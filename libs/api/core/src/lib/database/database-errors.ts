const UNAVAILABLE_ERROR_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
  'MongoOperationTimeoutError',
]);

/** True when an error means the database cannot be reached now, as opposed to a bad request. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (UNAVAILABLE_ERROR_NAMES.has(error.name)) return true;
  const labels = (error as { errorLabelSet?: Set<string> }).errorLabelSet;
  if (labels?.has('RetryableWriteError') || labels?.has('ResetPool')) return true;
  return /buffering timed out|Client must be connected|connection .* closed|ECONNREFUSED/i.test(
    error.message,
  );
}

/** E11000: a unique index refused the write. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/**
 * Inserts a claim document; true for the caller whose insert came first, false when one with its `_id` is
 * stored already. An insert is atomic on both databases, where FerretDB's conditional updates are not, so
 * of several instances doing the same thing at once exactly one goes ahead.
 */
export async function insertedFirst(
  collection: { insertOne(document: never): Promise<unknown> },
  claim: { _id: string; [field: string]: unknown },
): Promise<boolean> {
  try {
    await collection.insertOne(claim as never);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
