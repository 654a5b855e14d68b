import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The workspace's own eslint.config.mjs, run by ESLint in a child process: Jest cannot import ES modules,
// and a check of the real wiring (files, test ignores, options) is what proves the rule guards the code.
const workspaceRoot = join(__dirname, '../../../../../..');
// JSX text and attributes; page titles and browser dialogs (a no-restricted-syntax selector).
const RULES = ['i18next/no-literal-string', 'no-restricted-syntax'];

interface Sample {
  name: string;
  filePath: string;
  code: string;
}

interface LintOutcome {
  name: string;
  ruleLines: number[];
}

function lintSamples(samples: Sample[]): Map<string, number[]> {
  const script = `
    import { ESLint } from 'eslint';
    const RULES = ${JSON.stringify(RULES)};
    const samples = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const outcomes = [];
    for (const sample of samples) {
      const [result] = await eslint.lintText(sample.code, { filePath: sample.filePath });
      const fatal = result.messages.find((message) => message.fatal);
      if (fatal) throw new Error(sample.name + ': ' + fatal.message);
      outcomes.push({
        name: sample.name,
        ruleLines: result.messages
          .filter((m) => RULES.includes(m.ruleId))
          .map((m) => m.line),
      });
    }
    process.stdout.write(JSON.stringify(outcomes));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(samples)], {
    cwd: workspaceRoot,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ESLint did not run: ${run.stderr}`);
  const outcomes = JSON.parse(run.stdout) as LintOutcome[];
  return new Map(outcomes.map((outcome) => [outcome.name, outcome.ruleLines]));
}

const component = (body: string): string => `import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Sample({ open }: { open: boolean }) {
  const { t } = useTranslation();
  return (
${body}
  );
}
`;
// The body starts on line 7 of the component above.
const BODY_LINE = 7;

describe('the lint check for hard-coded user-facing text', () => {
  let results: Map<string, number[]>;

  beforeAll(() => {
    results = lintSamples([
      {
        name: 'jsx text',
        filePath: 'libs/web/ui/src/lib/sample.tsx',
        code: component('    <p>Welcome to the forum</p>'),
      },
      {
        name: 'jsx text in the app',
        filePath: 'apps/web/src/app/routes/sample.tsx',
        code: component('    <h1>Rooms</h1>'),
      },
      {
        name: 'a literal in a jsx expression',
        filePath: 'libs/web/discussion/src/components/sample.tsx',
        code: component("    <p>{open ? 'Open' : t('rooms.closed')}</p>"),
      },
      {
        name: 'a template literal in jsx',
        filePath: 'libs/web/discussion/src/components/sample.tsx',
        code: component('    <p>{`${open} unread`}</p>'),
      },
      {
        name: 'user-facing attributes',
        filePath: 'libs/web/polls/src/components/sample.tsx',
        code: component(
          [
            '    <div>',
            '      <button aria-label="Close" type="button" />',
            '      <input placeholder="Your email" />',
            '      <img alt="Forum logo" src="/logo.svg" />',
            '      <abbr title="Question and answer">Q&amp;A</abbr>',
            '      <TextField label="Display name" hint="As others will see it" />',
            '    </div>',
          ].join('\n'),
        ),
      },
      {
        name: 'a page title and a browser dialog',
        filePath: 'libs/web/initiatives/src/components/sample.tsx',
        code: [
          "import { useDocumentTitle } from '@helix/web/ui';",
          'export function useSample(name: string) {',
          "  useDocumentTitle('Initiatives');",
          "  if (window.confirm(`Delete ${name}?`)) return alert('Deleted');",
          '  useDocumentTitle(name);',
          '}',
          '',
        ].join('\n'),
      },
      {
        name: 'what is not text',
        filePath: 'libs/web/ui/src/lib/sample.tsx',
        code: component(
          [
            '    <section className="hx-card" data-testid="room-card" role="region" aria-labelledby="heading">',
            '      <h2 id="heading" key="a">{t(\'rooms.title\')}</h2>',
            "      <Link to=\"/rooms\" className={open ? 'is-open' : ''}>{t('rooms.all')}</Link>",
            '      <input type="email" name="email" autoComplete="email" inputMode="email" />',
            '      <span aria-hidden="true">✓ {42} — 3/4</span>',
            '    </section>',
          ].join('\n'),
        ),
      },
      {
        name: 'a test file',
        filePath: 'libs/web/ui/src/lib/sample.spec.tsx',
        code: component('    <p>Welcome to the forum</p>'),
      },
    ]);
  });

  it('fails on text written straight into JSX, in the app and in every web lib', () => {
    expect(results.get('jsx text')).toEqual([BODY_LINE]);
    expect(results.get('jsx text in the app')).toEqual([BODY_LINE]);
    expect(results.get('a literal in a jsx expression')).toEqual([BODY_LINE]);
    expect(results.get('a template literal in jsx')).toEqual([BODY_LINE]);
  });

  it('fails on labels, titles, placeholders and alternative text', () => {
    // Q&amp;A inside <abbr> is JSX text too.
    expect(results.get('user-facing attributes')).toEqual([
      BODY_LINE + 1,
      BODY_LINE + 2,
      BODY_LINE + 3,
      BODY_LINE + 4,
      BODY_LINE + 4,
      BODY_LINE + 5,
      BODY_LINE + 5,
    ]);
  });

  it('fails on a literal page title and a literal alert or confirm', () => {
    expect(results.get('a page title and a browser dialog')).toEqual([3, 4, 4]);
  });

  it('leaves class names, test ids, routes, keys, input types and symbols alone', () => {
    expect(results.get('what is not text')).toEqual([]);
  });

  it('does not apply to tests', () => {
    expect(results.get('a test file')).toEqual([]);
  });
});
