import { EmbeddedDbError } from './embedded-db-error';
import { FERRETDB_VERSION } from './ferretdb-build';

interface Replacement {
  readonly find: string;
  readonly replace: string;
  /** How often `find` occurs in the released file: any other count means the source is not the one patched. */
  readonly occurrences: number;
}

/**
 * Helix's changes to FerretDB's source, by file (docs/adr/0001-forum-scale.md, points 1 and 11).
 *
 * The `_id` patch makes FerretDB's SQLite backend find a document by `_id` through its `_id` index.
 * As released, the `_id` expression in WHERE clauses (`->'$._id'`) differs in text from the index's
 * (`->"_id"`), and SQLite only uses an index whose expression is written the same, so every lookup, update and
 * delete by `_id` scans the table; and an `_id` equality is pushed down only when it is the filter's one key.
 * FerretDB filters every result again in Go, so narrowing the SQL to the one row cannot change an answer.
 */
export const FERRETDB_PATCH: Readonly<Record<string, readonly Replacement[]>> = {
  'internal/backends/sqlite/metadata/metadata.go': [
    {
      find: `IDColumn = DefaultColumn + "->'$._id'"`,
      replace: 'IDColumn = DefaultColumn + `->"_id"`',
      occurrences: 1,
    },
  ],
  // Once in Query, once in Explain, so explain reports what a query does.
  'internal/backends/sqlite/collection.go': [
    {
      find: 'if params.Filter.Len() == 1 {',
      replace: 'if params.Filter.Len() > 0 && params.Filter.Has("_id") {',
      occurrences: 2,
    },
  ],
  // The lifetime patch: as released, every document iterator is tracked for leak reports (a pprof profile entry, a
  // stack trace and a finalizer per iterator, even outside debug builds), which took a tenth of FerretDB's CPU
  // and much of its garbage collection when a boot pass reads 60,000 messages. Tracking only ever reports, so
  // turning it off changes no answer.
  'internal/util/resource/resource.go': [
    {
      find: 'func Track(obj any, token *Token) {\n',
      replace: 'func Track(obj any, token *Token) {\n\tif !trackLifetimes {\n\t\treturn\n\t}\n',
      occurrences: 1,
    },
    {
      find: 'func Untrack(obj any, token *Token) {\n',
      replace: 'func Untrack(obj any, token *Token) {\n\tif !trackLifetimes {\n\t\treturn\n\t}\n',
      occurrences: 1,
    },
    {
      find: 'var profilesM sync.Mutex\n',
      replace:
        "var profilesM sync.Mutex\n\n// trackLifetimes is off in Helix's build (ferretdb-patch.ts).\nconst trackLifetimes = false\n",
      occurrences: 1,
    },
  ],
};

/** Returns `source`, the text of FerretDB's `file`, with Helix's patch applied. */
export function patchFerretDbSource(file: string, source: string): string {
  const replacements = FERRETDB_PATCH[file];
  if (!replacements) throw new EmbeddedDbError(`Helix has no patch for FerretDB's ${file}.`);
  return replacements.reduce((text, { find, replace, occurrences }) => {
    const parts = text.split(find);
    if (parts.length - 1 !== occurrences) {
      throw new EmbeddedDbError(
        `FerretDB's ${file} should have \`${find}\` ${occurrences}× and has it ${parts.length - 1}×, so Helix's patch (written for FerretDB ${FERRETDB_VERSION}) does not fit this source and must be updated before it is built.`,
      );
    }
    return parts.join(replace);
  }, source);
}
