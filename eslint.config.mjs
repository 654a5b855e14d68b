import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import i18next from 'eslint-plugin-i18next';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every project's eslint.config.mjs re-exports this file and Nx runs `eslint .` inside the project folder,
// so path-scoped blocks carry an absolute basePath: their globs are then read from the workspace root,
// not from the project that happens to be linted.
const workspaceRoot = dirname(fileURLToPath(import.meta.url));

const tsFiles = ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts'];
const jsFiles = ['**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'];
const webFiles = ['apps/web/**/*.{ts,tsx,js,jsx}', 'libs/web/**/*.{ts,tsx,js,jsx}'];
const apiFiles = ['apps/api/**/*.ts', 'libs/api/**/*.ts'];

const moduleBoundaries = {
  enforceBuildableLibDependency: true,
  allow: [],
  depConstraints: [
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:types'],
    },
    {
      sourceTag: 'type:feature',
      onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util', 'type:types'],
    },
    {
      sourceTag: 'type:data-access',
      onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:types'],
    },
    { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:types'] },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:types'] },
    { sourceTag: 'type:types', onlyDependOnLibsWithTags: ['type:types'] },
    { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
    { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:e2e'] },
  ],
};

export default defineConfig(
  {
    name: 'helix/ignores',
    basePath: workspaceRoot,
    ignores: [
      '**/dist/',
      '**/node_modules/',
      '**/.nx/',
      '**/.data/',
      '**/.tools/',
      '**/coverage/',
      '**/tmp/',
      'e2e/artifacts/',
      '**/test-results/',
      '**/playwright-report/',
    ],
  },

  ...nx.configs['flat/base'],

  {
    name: 'helix/typescript',
    files: [...tsFiles, ...jsFiles],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Seed and fixture texts are pasted prose with no-break spaces; irregular whitespace in code is still caught.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  {
    name: 'helix/module-boundaries',
    files: [...tsFiles, ...jsFiles],
    // The per-project configs import this file, which belongs to no project.
    ignores: ['**/eslint.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries] },
  },

  {
    // The API's black-box tests drive the real servers with the web client's own sync engine (its
    // framework-free entry point), so that they test what users run rather than a copy of it.
    name: 'helix/api-tests-run-the-web-sync',
    basePath: workspaceRoot,
    files: ['apps/api/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { ...moduleBoundaries, allow: ['@helix/web/data-access/sync'] },
      ],
    },
  },

  {
    // Config files (webpack, jest, vite) are CommonJS or ESM scripts that run in Node.
    name: 'helix/js-config-files',
    files: jsFiles,
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  {
    name: 'helix/api',
    basePath: workspaceRoot,
    files: apiFiles,
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'error' },
  },
  {
    // Specs are not a public surface.
    name: 'helix/api-specs',
    basePath: workspaceRoot,
    files: ['apps/api/**/*.spec.ts', 'libs/api/**/*.spec.ts', 'apps/api/test/**/*.ts'],
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'off' },
  },

  {
    name: 'helix/web',
    basePath: workspaceRoot,
    files: webFiles,
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // A scrollable region must take keyboard focus to be scrolled without a mouse (WCAG 2.1.1).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]',
          message:
            'dangerouslySetInnerHTML opens an XSS hole; render text, or sanitise in one reviewed component.',
        },
        {
          // The i18n rule reads JSX; a page title or a browser dialog is text a person reads too.
          selector:
            'CallExpression:matches([callee.name=/^(useDocumentTitle|alert|confirm|prompt)$/], [callee.property.name=/^(alert|confirm|prompt)$/]) > :matches(Literal[value=/[A-Za-zА-Яа-яЁё]/], TemplateLiteral)',
          message: "User-facing text must go through i18next: t('key') with the key in en.json and ru.json",
        },
      ],
    },
  },

  {
    // Every word a person reads comes from i18next (en.json + ru.json): text in JSX and the attributes and
    // props that are read out or shown. Class names, test ids, routes, keys and the like are not text.
    name: 'helix/web-i18n',
    basePath: workspaceRoot,
    files: ['apps/web/src/**/*.{ts,tsx}', 'libs/web/**/*.{ts,tsx}'],
    ignores: ['**/*.spec.{ts,tsx}', '**/*.test.{ts,tsx}'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'should-validate-template': true,
          'jsx-components': { exclude: ['Trans'] },
          'jsx-attributes': {
            include: [
              '.*[lL]abel',
              '.*[tT]itle',
              '.*[pP]laceholder',
              'alt',
              'aria-description',
              'aria-roledescription',
              'aria-valuetext',
              'hint',
              'error',
              '.*[dD]escription',
              '.*[mM]essage',
              'caption',
              'summary',
              'legend',
            ],
          },
          // Symbols, digits and punctuation alone (✓, ×, 3/4, —) read the same in every language.
          words: { exclude: [/^[^\p{L}]*$/u] },
          message: "User-facing text must go through i18next: t('key') with the key in en.json and ru.json",
        },
      ],
    },
  },

  // Last, so formatting rules that fight Prettier are switched off.
  prettier,
);
