import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mongo } from 'mongoose';
import { ensureFerretDbBinary } from './ferretdb-binary';
import { startFerretDb, type EmbeddedDatabase } from './ferretdb-process';

type Id = string | mongo.ObjectId;
interface Doc {
  _id: Id;
  type: string;
  n: number;
}

const TOOLS_DIR = resolve(__dirname, '../../../../..', '.tools');

// The patched FerretDB narrows the SQL of an `_id` filter to one row even when the filter has other keys;
// these prove that every other key still decides, for each operation Helix makes by `_id`.
describe('the embedded FerretDB, by _id', () => {
  let database: EmbeddedDatabase;
  let client: mongo.MongoClient;
  let docs: mongo.Collection<Doc>;
  let collections = 0;

  beforeAll(async () => {
    const binary = await ensureFerretDbBinary({ toolsDir: TOOLS_DIR });
    database = await startFerretDb({ binary, dataDir: await mkdtemp(join(tmpdir(), 'helix-id-lookup-')) });
    client = await new mongo.MongoClient(`${database.uri}idlookup`).connect();
  }, 600_000);
  afterAll(async () => {
    await client?.close();
    await database?.stop();
  });

  const kinds: [string, () => Id][] = [
    ['an ObjectId', () => new mongo.ObjectId()],
    ['a string', () => `room-${new mongo.ObjectId().toHexString()}:1`],
  ];

  describe.each(kinds)('with %s _id', (_kind, newId) => {
    let id: Id;
    let missing: Id;

    beforeEach(async () => {
      docs = client.db().collection<Doc>(`docs${++collections}`);
      id = newId();
      missing = newId();
      // Neighbours with the same type, so an answer from the wrong row would show.
      await docs.insertMany([
        { _id: newId(), type: 'poll', n: -1 },
        { _id: id, type: 'poll', n: 0 },
        { _id: newId(), type: 'poll', n: -2 },
      ]);
    });

    it('findOne finds it, alone or with a matching guard, and nothing for a missing id or a wrong guard', async () => {
      expect(await docs.findOne({ _id: id })).toEqual({ _id: id, type: 'poll', n: 0 });
      expect(await docs.findOne({ _id: id, type: 'poll' })).toEqual({ _id: id, type: 'poll', n: 0 });
      expect(await docs.findOne({ type: 'poll', _id: id, n: { $gte: 0 } })).toEqual({
        _id: id,
        type: 'poll',
        n: 0,
      });
      expect(await docs.findOne({ _id: missing })).toBeNull();
      expect(await docs.findOne({ _id: missing, type: 'poll' })).toBeNull();
      expect(await docs.findOne({ _id: id, type: 'thread' })).toBeNull();
      expect(await docs.findOne({ _id: id, n: { $gt: 0 } })).toBeNull();
    });

    it('updateOne changes that one document only when every key matches', async () => {
      expect(await docs.updateOne({ _id: id, type: 'thread' }, { $inc: { n: 1 } })).toMatchObject({
        matchedCount: 0,
        modifiedCount: 0,
      });
      expect(await docs.updateOne({ _id: missing, type: 'poll' }, { $inc: { n: 1 } })).toMatchObject({
        matchedCount: 0,
      });
      expect(await docs.updateOne({ _id: missing }, { $inc: { n: 1 } })).toMatchObject({ matchedCount: 0 });
      expect(await docs.updateOne({ _id: id, type: 'poll' }, { $inc: { n: 1 } })).toMatchObject({
        matchedCount: 1,
        modifiedCount: 1,
      });
      expect(await docs.updateOne({ _id: id }, { $inc: { n: 1 } })).toMatchObject({ matchedCount: 1 });
      expect(await docs.findOne({ _id: id })).toEqual({ _id: id, type: 'poll', n: 2 });
      expect(await docs.countDocuments({ type: 'poll', n: { $lt: 0 } })).toBe(2);
    });

    it('findOneAndUpdate returns and changes it only when every key matches', async () => {
      expect(
        await docs.findOneAndUpdate(
          { _id: id, type: 'thread' },
          { $set: { n: 5 } },
          { returnDocument: 'after' },
        ),
      ).toBeNull();
      expect(
        await docs.findOneAndUpdate(
          { _id: missing, type: 'poll' },
          { $set: { n: 5 } },
          { returnDocument: 'after' },
        ),
      ).toBeNull();
      expect(await docs.findOneAndUpdate({ _id: missing }, { $set: { n: 5 } })).toBeNull();
      expect(
        await docs.findOneAndUpdate(
          { _id: id, type: 'poll' },
          { $set: { n: 5 } },
          { returnDocument: 'after' },
        ),
      ).toEqual({ _id: id, type: 'poll', n: 5 });
      expect(
        await docs.findOneAndUpdate({ _id: id }, { $set: { n: 6 } }, { returnDocument: 'before' }),
      ).toEqual({
        _id: id,
        type: 'poll',
        n: 5,
      });
      expect(await docs.findOne({ _id: id })).toEqual({ _id: id, type: 'poll', n: 6 });
    });

    it('deleteOne removes it only when every key matches, and no neighbour', async () => {
      expect(await docs.deleteOne({ _id: id, type: 'thread' })).toMatchObject({ deletedCount: 0 });
      expect(await docs.deleteOne({ _id: missing, type: 'poll' })).toMatchObject({ deletedCount: 0 });
      expect(await docs.deleteOne({ _id: missing })).toMatchObject({ deletedCount: 0 });
      expect(await docs.findOne({ _id: id })).not.toBeNull();
      expect(await docs.deleteOne({ _id: id, type: 'poll' })).toMatchObject({ deletedCount: 1 });
      expect(await docs.findOne({ _id: id })).toBeNull();
      await docs.insertOne({ _id: id, type: 'poll', n: 0 });
      expect(await docs.deleteOne({ _id: id })).toMatchObject({ deletedCount: 1 });
      expect(await docs.findOne({ _id: id })).toBeNull();
      expect(await docs.countDocuments({ type: 'poll', n: { $lt: 0 } })).toBe(2);
    });

    it.each([
      ['alone', (id: Id) => ({ _id: id })],
      ['with other keys', (id: Id) => ({ _id: id, type: 'poll' })],
    ])('searches the _id index, not the table, for a filter by _id %s', async (_case, filter) => {
      const explained = (await docs.find(filter(id)).explain()) as {
        filterPushdown?: boolean;
        queryPlanner?: { Plan?: string[] };
      };
      expect(explained.filterPushdown).toBe(true);
      expect(explained.queryPlanner?.Plan?.join('\n')).toMatch(/SEARCH .* USING INDEX/);
    });
  });
});
