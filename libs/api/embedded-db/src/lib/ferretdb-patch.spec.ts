import { EmbeddedDbError } from './embedded-db-error';
import { patchFerretDbSource } from './ferretdb-patch';

const METADATA = 'internal/backends/sqlite/metadata/metadata.go';
const COLLECTION = 'internal/backends/sqlite/collection.go';

// The lines as FerretDB v1.24.2 has them, with their neighbours.
const releasedMetadata = `const (
	// IDColumn is a SQLite path expression for _id field.
	IDColumn = DefaultColumn + "->'$._id'"
)
`;
const releasedCollection = `func (c *collection) Query() {
	if params.Filter.Len() == 1 {
		v, _ := params.Filter.Get("_id")
	}
}

func (c *collection) Explain() {
	if params.Filter.Len() == 1 {
		v, _ := params.Filter.Get("_id")
	}
}
`;

describe('patchFerretDbSource', () => {
  it('writes the _id expression as the _id index declares it', () => {
    expect(patchFerretDbSource(METADATA, releasedMetadata)).toBe(`const (
	// IDColumn is a SQLite path expression for _id field.
	IDColumn = DefaultColumn + \`->"_id"\`
)
`);
  });

  it('pushes an _id equality down in both Query and Explain whatever other keys the filter has', () => {
    expect(patchFerretDbSource(COLLECTION, releasedCollection)).toBe(
      releasedCollection.replaceAll(
        'if params.Filter.Len() == 1 {',
        'if params.Filter.Len() > 0 && params.Filter.Has("_id") {',
      ),
    );
  });

  it.each([
    [
      'the text is missing',
      METADATA,
      'const IDColumn = "_id"\n',
      /metadata\.go should have .* 1× and has it 0×/,
    ],
    [
      'the text occurs once less than released',
      COLLECTION,
      'if params.Filter.Len() == 1 {\n',
      /collection\.go should have `if params\.Filter\.Len\(\) == 1 \{` 2× and has it 1×/,
    ],
    [
      'the source is already patched',
      METADATA,
      patchFerretDbSource(METADATA, releasedMetadata),
      /metadata\.go should have .* 1× and has it 0×/,
    ],
  ])('refuses to build a source it does not fit: %s', (_case, file, source, message) => {
    const patch = (): string => patchFerretDbSource(file, source);
    expect(patch).toThrow(EmbeddedDbError);
    expect(patch).toThrow(message);
    expect(patch).toThrow(/written for FerretDB v1\.24\.2\).* must be updated/);
  });

  it('turns lifetime tracking off in Track and Untrack alike', () => {
    const released = [
      '// profilesM protects access to profiles.',
      'var profilesM sync.Mutex',
      '',
      'func Track(obj any, token *Token) {',
      '\tcheckArgs(obj, token)',
      '}',
      '',
      'func Untrack(obj any, token *Token) {',
      '\tcheckArgs(obj, token)',
      '}',
      '',
    ].join('\n');
    const patched = patchFerretDbSource('internal/util/resource/resource.go', released);
    expect(patched).toContain('const trackLifetimes = false');
    expect(patched.match(/\{\n\tif !trackLifetimes \{\n\t\treturn\n\t\}\n\tcheckArgs/g)).toHaveLength(2);
  });

  it('names a file it has no patch for', () => {
    expect(() => patchFerretDbSource('internal/backends/sqlite/query.go', '')).toThrow(
      /no patch for FerretDB's internal\/backends\/sqlite\/query\.go/,
    );
  });
});
